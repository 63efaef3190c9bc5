"""One switch for the site's hand-made fast paths, so the plain answer can be compared with the fast one.

``settings.NNIRR_FAST_PATHS`` (from the environment variable of the same name) is ``"all"`` (the
default), ``"off"``, or a comma-separated list of the names below. With a fast path off, the site
does what Wagtail and Django do without it; the answers must be the same (the test suite's page and
petition tests run in both modes: ``NNIRR_FAST_PATHS=off pytest ...``, and ``tests/core/test_fast_paths.py``
compares the two in every run).

Each fast path's module docstring says what it saves (the ``make bench`` figure) and how it is
invalidated. The names:

- ``route_cache``: Wagtail's page routing answered from pickled pages per process (``route_cache.py``);
- ``restrictions``: no view-restriction queries while no page has one (``view_restrictions.py``);
- ``layout_cache``: menus, footer and home sections cached under a generation (``layout_cache.py``);
- ``page_cache``: whole anonymous pages cached under the generation (``page_cache.py``);
- ``petition_pages``: a petition's form page rendered once and shared, with per-visitor CSRF and form
  stamp slots (``campaigns/petitions/views.py``);
- ``security_headers``: the CSP and Permissions-Policy headers built once per process (``security.py``);
- ``email_markers``: petition emails rendered once per generation with markers (``campaigns/petitions/emails.py``);
- ``card_cache``: listing cards rendered once per process and generation (``card_cache.py``);
- ``page_extras``: what a detail page shows beside its body (a post's authors, a program's campaigns),
  read once per process and generation (``page_extras.py``).
"""

from functools import lru_cache

from django.conf import settings

NAMES = ("route_cache", "restrictions", "layout_cache", "page_cache", "petition_pages", "security_headers",
         "email_markers", "card_cache", "page_extras")


@lru_cache(maxsize=16)
def parse(value):
    """``"all"``, ``"off"`` or ``"a,b"`` → the set of enabled names (unknown names are an error)."""
    value = (value or "all").strip().lower()
    if value == "all":
        return frozenset(NAMES)
    if value in ("off", "none", "0"):
        return frozenset()
    names = frozenset(name.strip() for name in value.split(",") if name.strip())
    unknown = names - set(NAMES)
    if unknown:
        raise ValueError(f"NNIRR_FAST_PATHS: unknown fast paths {', '.join(sorted(unknown))}; known: {', '.join(NAMES)}")
    return names


def enabled(name):
    """Whether fast path ``name`` is on (see the module docstring)."""
    return name in parse(getattr(settings, "NNIRR_FAST_PATHS", "all"))
