"""A page's ancestors, remembered per parent page for the current layout generation.

The breadcrumbs show them on every page, and a blog post reads its blog index from them: one query
per page view (about 1 ms with the ORM's work), the same answer for every page with the same parent —
every post of an index, every filter combination of a listing. Each process keeps the list pickled
under the parent's tree path, so each caller gets its own copies to read and change.

Part of the ``route_cache`` fast path (``NNIRR_FAST_PATHS``, ``fast_paths.py``, ``route_cache.py``):
pages along a path. Kept for the generation of the pages that can have children
(``layout_cache.PARENTS_KIND``: an ancestor is always one): a publish of such a page with a new
title, address or going live, or any page unpublished, moved or deleted or a slug changed (an
ancestor's title, address or place in the tree can change only so) forgets them; a blog post or a
resource published keeps them, and so does such a page published in place with its title unchanged.
"""

import pickle

from wagtail.models import Page

from nnirr_site.core import fast_paths, layout_cache


def ancestors(page):
    """``page.get_ancestors()`` as a list, root first; Wagtail's query for a page without a tree path
    yet (a preview of a page not created) or with the fast path off."""
    path = getattr(page, "path", None) or ""
    if not fast_paths.enabled("route_cache") or not page.pk or len(path) <= page.steplen:
        return list(page.get_ancestors())
    entries = layout_cache.kind_entries((layout_cache.PARENTS_KIND,))
    key = ("ancestors", path[: -page.steplen])
    blob = entries.get(key)
    if blob is None:
        found = list(Page.objects.ancestor_of(page))
        entries[key] = pickle.dumps(found)
        return found
    return pickle.loads(blob)

