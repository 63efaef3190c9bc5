"""Whether any page has a view restriction, remembered once per site generation (``layout_cache.py``).

Pages (``BasePage.get_view_restrictions``) and the route cache both ask; a module below both,
so neither imports the other.

Fast path ``restrictions`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``): while no page has a restriction,
Wagtail's restriction queries (in ``public()`` and on serving) are skipped. Saves 2.8 ms of 10.1 (27%)
on the home page and 4.4 ms of 20.2 (22%) on a program page (``bench/fast_paths.py``, 2026-11-26,
load average ~3.7). Invalidation: the layout cache's site generation, which any view restriction saved or deleted
starts.
"""

from wagtail.models import PageViewRestriction

from nnirr_site.core import fast_paths, layout_cache


def restrictions_exist():
    """Whether any page has a view restriction (password, login or groups), once per generation.

    With the ``restrictions`` fast path off, always True: every caller then asks Wagtail as usual.
    """
    if not fast_paths.enabled("restrictions"):
        return True
    entries = layout_cache.local_entries("site")
    value = entries.get("restrictions")
    if value is None:
        value = entries["restrictions"] = PageViewRestriction.objects.exists()
    return value


def public(queryset):
    """``queryset.public()`` for any page queryset, without Wagtail's restriction query while none exist."""
    return queryset.public() if restrictions_exist() else queryset
