"""Whether any page has a view restriction, remembered once per layout generation.

Pages (``BasePage.get_view_restrictions``) and the route cache both ask; a module below both,
so neither imports the other.
"""

from wagtail.models import PageViewRestriction

from nnirr_site.core import layout_cache


def restrictions_exist():
    """Whether any page has a view restriction (password, login or groups), once per generation."""
    entries = layout_cache.local_entries()
    value = entries.get("restrictions")
    if value is None:
        value = entries["restrictions"] = PageViewRestriction.objects.exists()
    return value
