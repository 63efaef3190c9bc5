"""What a page shows beside its own body, read once per process and layout generation.

A blog post shows its authors, topic, tags and related posts; a program page its campaigns and
related resources; the directory its city options and the events index its campaign options and
archive years (``shared``: the same for every page of a listing). Each is one to three ORM queries, and the ORM's building of the query and of the
model objects costs 1–3 ms each on this machine, far more than PostgreSQL's answer: most of such a
page's render when the page cache cannot serve it (a visitor with a session, a filtered listing). The
answer is the same for every request for the page in the same language until something is
published, so each process keeps it pickled (every caller gets its own copies to read and change)
under the page, the language and a name, for the current layout generation.

Only data is kept, never HTML: the page's body (its StreamField blocks), its header and its cards
are rendered on every request (the cards through ``card_cache.py``). Previews, drafts and pages not
yet saved always read afresh.

Fast path ``page_extras`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``). Saves, on pages the page cache
cannot serve (``BENCH_FAST_ONLY=page_extras BENCH_FAST_ROUNDS=24 python bench/run.py fast_paths``,
2026-11-27 09:43, load average 1.2, after the hand-written queries of ``page_sql.py`` made the builds
cheaper): program page 9.3 -> 5.8 ms (37%), blog post 11.2 -> 8.3 (26%), filtered services directory
19.9 -> 15.1 (24%: its city options and the services open this minute, ``shared``). Keeping the
resource library's topic and year options saved 1%, and the blog index's tag and topic counts (one
hand-written query since then) 5%: neither is kept.
Invalidation: the layout cache's page generation (``layout_cache.py``; a site or menu generation starts
one too): any page published, unpublished, moved
or deleted, any image, tag, service or view restriction saved, and the blog's authors and topics
(``blog/apps.py``); ``shared`` with a ``bucket`` also when the bucket changes. A value given ``kinds``
(the page models its build reads: a program page's campaigns and resources, the directory's options,
which read services only; or narrower kinds a publish starts, as a post's related posts: its topic's,
``blog/related_kinds.py``) is kept instead for those kinds' generations (``layout_cache.kind_entries``):
a publish of a page of another kind keeps it, anything else above forgets it.
Django's cache framework keyed on the generation would do the same but read the shared cache (a file
read, or a Redis round trip) and unpickle on every request, which costs about what the queries do.
"""

import pickle

from django.utils import translation

from nnirr_site.core import fast_paths, layout_cache


def remembered(request, page, name, build, kinds=None, revision=False, draft_free=False):
    """``build()``'s value for ``page`` as served to ``request``, kept for the current generation.

    ``build`` must read only what a publish, an image or a registered snippet changes; its value
    must pickle (model instances, lists of them, plain data). ``kinds``: every page model whose pages
    ``build`` reads (``page``'s own included where it reads others of its kind); it is then kept across
    publishes of other kinds (``layout_cache.kind_entries``). ``revision``: kept under ``page``'s live
    revision as well (read again when the page is published), so that with ``kinds=()`` what only the
    page itself (and snippets, tags, images) decides is kept across every other page's publish.
    ``draft_free``: ``build`` reads nothing a draft can change (pages that point to ``page``, by its id
    and language), so a preview of the page is served the kept value too.
    """
    if (
        not fast_paths.enabled("page_extras")
        or (getattr(request, "is_preview", False) and not draft_free)
        or not getattr(page, "pk", None)
        or not page.live
    ):
        return build()
    key = ("page-extras", name, page.pk, page.live_revision_id if revision else None, translation.get_language())
    entries = layout_cache.local_entries() if kinds is None else layout_cache.kind_entries(kinds)
    blob = entries.get(key)
    if blob is None:
        value = build()
        entries[key] = pickle.dumps(value)
        return value
    return pickle.loads(blob)


def shared(name, build, *parts, bucket=None, kinds=None):
    """``build()``'s value, the same for every request (a listing's option list), kept for the generation.

    With ``bucket`` (say, the current minute), the value is also read afresh whenever the bucket
    changes: for answers that depend on the time as well (which services are open now). ``kinds``: as
    for ``remembered`` (``()``: ``build`` reads no page at all).
    """
    if not fast_paths.enabled("page_extras"):
        return build()
    key = ("page-extras-shared", name, *parts)
    entries = layout_cache.local_entries() if kinds is None else layout_cache.kind_entries(kinds)
    kept = entries.get(key)
    if kept is None or kept[0] != bucket:
        value = build()
        entries[key] = (bucket, pickle.dumps(value))
        return value
    return pickle.loads(kept[1])
