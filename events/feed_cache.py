"""The fast path of the subscribable feeds: a built ``/events.ics`` is kept in the shared cache for a while.

Calendar apps poll feeds on their own schedule, each subscriber every few hours, and a feed of every
upcoming event is the most expensive thing the events app builds: with 516 events ``make bench``
measured 280 ms and 7 requests per second per machine, against about 1 ms for a cache hit. So the
feed's bytes are cached per language and per active filters (the canonical query, so junk
parameters share an entry) under the layout cache's generation, which is replaced after every
publish, unpublish, move or delete of a page: an edited or cancelled event is in the next answer.
What only time changes (an event ending and leaving the "upcoming" list) may lag by at most
``EVENTS_FEED_CACHE_SECONDS`` (default: ``PAGE_CACHE_SECONDS``, 600 in production, 0 in development
and tests; 0 switches the fast path off). A cached answer is the same bytes with the same headers.
"""

from django.conf import settings
from django.core.cache import cache

from nnirr_site.core import layout_cache


def seconds():
    return getattr(settings, "EVENTS_FEED_CACHE_SECONDS", getattr(settings, "PAGE_CACHE_SECONDS", 0))


def feed_bytes(language, query, build):
    """``build()``'s bytes, from the cache when the fast path is on."""
    timeout = seconds()
    if timeout <= 0:
        return build()
    key = f"events-feed:{layout_cache.generation()}:{language}:{query}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, timeout)
    return body
