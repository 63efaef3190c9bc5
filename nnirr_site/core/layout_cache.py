"""Caching of what every page shows around its content (menus, footer, language links) and of home's sections.

The shared layout costs more database queries than most page bodies. Its
pieces are cached under a *generation*: a random value kept in the cache and
replaced whenever anything the layout shows may have changed (a page
published, unpublished, moved or deleted; a menu, menu item, office or the
site settings, an image or a document saved or deleted; a site or a page view
restriction changed). Old entries then simply stop being read and expire. The
cache must be shared by every process that serves the site (see ``CACHES`` in
settings) for a change to show everywhere at once. Each process also keeps what it has read for
the current generation in memory (``local_entries``), so a piece costs one shared-cache read per
process and generation, not one per request.

Fast path ``layout_cache`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``). Saves, on a page the page cache
cannot serve: 16 ms of 36 (45%) on the home page and 9 ms of 51 (18%) on a program page
(``bench/fast_paths.py``, 2026-11-26, load average ~3.7). Invalidation: the generation above.
Django's ``{% cache %}`` fragment (or ``{% wagtailcache %}``) keyed on the generation would do the same
for a piece of HTML, and the footer uses it so; menus and language links are data several templates
use, so they are kept as data.
"""

import threading
import uuid
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from nnirr_site.core import fast_paths

GENERATION_KEY = "layout-generation"
TIMEOUT = 60 * 60 * 24

# Inside a request the generation is read from the cache once (``remember_for_request``), not
# once per cached piece; outside requests (workers, shells) every call reads it.
_request_generation = ContextVar("layout_generation", default=None)


def generation():
    """The current layout generation, creating one if the cache has none."""
    memo = _request_generation.get()
    if memo:
        return memo
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    if memo is not None:  # "" marks a request that has not read it yet
        _request_generation.set(value)
    return value


class remember_for_request:
    """Context manager: within it, ``generation()`` reads the cache at most once."""

    def __enter__(self):
        self.token = _request_generation.set("")

    def __exit__(self, *exc):
        _request_generation.reset(self.token)


def _set_new_generation():
    value = uuid.uuid4().hex
    cache.set(GENERATION_KEY, value, None)
    if _request_generation.get() is not None:
        _request_generation.set(value)  # this request sees its own change at once


def new_generation(**kwargs):
    """Forget every cached layout piece (after the current transaction commits)."""
    transaction.on_commit(_set_new_generation)


def cached(name, build, *parts):
    """``build()``'s value, cached under ``name`` and ``parts`` for the current generation."""
    if not fast_paths.enabled("layout_cache"):
        return build()
    # This process's copy first: the shared cache is a file read (or a Redis round trip) per piece.
    entries = local_entries()
    local_key = ("layout", name, *parts)
    if local_key in entries:
        return entries[local_key]
    key = ":".join(["layout", generation(), name, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    entries[local_key] = value
    return value


def remembered(name, build):
    """``build()``'s value kept in this process's memory for the current generation (read-only for callers).

    For what Wagtail itself keeps in the shared cache and reads once per page it handles (the site root
    paths behind every ``page.url``), when the generation already changes whenever that value can.
    """
    if not fast_paths.enabled("layout_cache"):
        return build()
    entries = local_entries()
    if name not in entries:
        entries[name] = build()
    return entries[name]


_local = {"generation": None, "entries": {}}
_local_lock = threading.Lock()
MAX_LOCAL_ENTRIES = 5000


def local_entries():
    """A dict in this process's memory for the current generation, emptied when the generation changes.

    For values read on nearly every request (the route cache, petition details in emails), where
    even a cache round trip counts. Values put here are shared by threads: store them pickled,
    or treat them as read-only.
    """
    current = generation()
    if _local["generation"] != current:
        with _local_lock:
            if _local["generation"] != current:
                _local["entries"] = {}
                _local["generation"] = current
    entries = _local["entries"]
    if len(entries) > MAX_LOCAL_ENTRIES:  # a site far larger than expected: start afresh rather than grow
        entries.clear()
    return entries


def active_locale():
    """Wagtail's ``Locale.get_active()`` (a query each time), remembered per language for the generation."""
    from wagtail.models import Locale
    from django.utils import translation

    return remembered(("locale", translation.get_language()), Locale.get_active)


def connect_signals(layout_models):
    """Start a new generation whenever something shown in the layout changes.

    ``layout_models``: the project's own models the layout shows (menus, offices, site settings),
    given by the core app's ``ready`` so this module imports no model of the project.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_generation, dispatch_uid=f"layout-cache-{signal!r}")
    post_delete.connect(new_generation, sender=Page, dispatch_uid="layout-cache-page-delete")
    # Images and documents: a cached section may show an image's renditions or a document's size.
    # Sites, locales and view restrictions: the route cache (route_cache.py) and pages remember them.
    for model in (*layout_models, get_image_model(), get_document_model(), Site, Locale, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(new_generation, sender=model, dispatch_uid=f"layout-cache-{model.__name__}-{signal!r}")
