"""Listing cards rendered once per process and layout generation, then reused by every listing.

A card (``templates/includes/card.html`` and the templates that extend it) shows one page: its
image renditions, address, title, summary, a label and a date. Rendering one through ``{% include %}``
costs about 0.3–0.5 ms (the include's context, the ``srcset_image`` renditions, ``item.url``, date
formatting), and a listing shows ten or twelve. The same card appears on every filter combination of
a listing, every search, every page of related posts, and every language switch back — pages no page
cache can serve. So the HTML of each card is kept in this process's memory for the current layout
generation, keyed on everything the template reads: the template, the item's class, id and live
revision, the language, the locale of the page it is shown on (an item in the other language carries
``lang``), and the values given to it (label, date).

Fast path ``card_cache`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``). Saves, on pages the page cache
cannot serve: 5.3 ms of 18.2 (29%) on the blog index and 12.6 ms of 23.9 (53%) on a search
(``bench/fast_paths.py``, 2026-11-27, load average ~1.8). Invalidation: a card reads only its own page,
so it is kept under that page's live revision (a publish gives a new one) and the layout cache's kinds
epoch (``layout_cache.kind_entries``: any page unpublished, moved or deleted, a slug changed, an image,
document, tag or snippet saved); an item without its revision at hand, under its kind's generation. A
blog post published leaves every other card as it was. Search results likewise (the search itself runs
on every request). Django's ``{% cache %}`` fragment keyed the same
way would do the same work but read the shared cache (a file read or a Redis round trip) per card,
which costs as much as rendering one.

What only a card shows need not be read for a card already kept: listings fetch their cards' image
renditions through ``prefetch_for_cards``, and search reads results in full only where needed.
"""

import datetime

from django.db.models import prefetch_related_objects
from django.template import Context
from django.utils import translation

from nnirr_site.core import fast_paths, layout_cache

DEFAULT_TEMPLATE = "includes/card.html"
SEARCH_RESULT_TEMPLATE = "core/includes/search_result.html"


def render_card(context, item, template_name=DEFAULT_TEMPLATE, **values):
    """The card for ``item`` as ``{% include template_name with values %}`` would render it in ``context``.

    The template sees ``item``, ``page`` (the page the card is shown on), ``LANGUAGE_CODE`` and
    ``label`` and ``date`` (from ``values``, else from the surrounding context, as an include does).
    """
    for name in ("label", "date"):
        if name not in values:
            values[name] = context.get(name)
    page = context.get("page")
    language = translation.get_language()
    flat = {"item": item, "page": page, "LANGUAGE_CODE": language, **values}
    if not fast_paths.enabled("card_cache"):
        return _render(context, template_name, flat)
    key = ("card", template_name, type(item), item.pk, language, getattr(page, "locale_id", None),
           *((name, _key_part(value)) for name, value in sorted(values.items())))
    entries = _entries(item)
    html = entries.get(key)
    if html is None:
        html = entries[key] = _render(context, template_name, flat)
        entries[_shown_key(item, language)] = True
    return html


def _entries(item):
    """Where ``item``'s cards are kept: under its live revision when the item carries it (a publish of the
    item gives it a new one; anything else a card shows — images, addresses, Sites — starts the kinds'
    epoch), else for the generation of the item's kind (``layout_cache.kind_entries``)."""
    revision = item.__dict__.get("live_revision_id")
    if revision is None:
        return layout_cache.kind_entries((item,))
    return layout_cache.kind_entries(()).setdefault(("revision", type(item), item.pk, revision), {})


def _shown_key(item, language):
    return ("card-shown", type(item), item.pk, language)


def needs_card_data(item):
    """Whether ``item``'s card has not been kept yet in the active language (so a listing should fetch
    what only the card shows: its image's renditions). A card kept with other values (another label)
    still renders right without them, reading its renditions itself."""
    if not fast_paths.enabled("card_cache"):
        return True
    return _shown_key(item, translation.get_language()) not in _entries(item)


def prefetch_for_cards(items, *lookups):
    """``prefetch_related_objects`` for the ``items`` whose card is not kept yet (``needs_card_data``)."""
    needed = [item for item in items if needs_card_data(item)]
    if needed and lookups:
        prefetch_related_objects(needed, *lookups)
    return items


def search_result_key(result, request):
    """The cache key of one search result's HTML (``core/includes/search_result.html``): like a card, under
    the result's live revision where the result carries it."""
    site = getattr(request, "_wagtail_site", None)
    return ("search-result", result.specific_class, result.pk, result.__dict__.get("live_revision_id"),
            translation.get_language(), getattr(site, "pk", None))


def _search_entries(key):
    return layout_cache.local_entries() if key[3] is None else layout_cache.kind_entries(())


def is_cached(key):
    """Whether ``key``'s HTML is ready (then the item need not be fetched in full to show it)."""
    return fast_paths.enabled("card_cache") and key in _search_entries(key)


def render_search_result(context, result):
    """One search result as ``core/includes/search_result.html`` renders it, kept like a card."""
    flat = {"result": result, "request": context.get("request")}
    if not fast_paths.enabled("card_cache"):
        return _render(context, SEARCH_RESULT_TEMPLATE, flat)
    key = search_result_key(result, context.get("request"))
    entries = _search_entries(key)
    html = entries.get(key)
    if html is None:
        html = entries[key] = _render(context, SEARCH_RESULT_TEMPLATE, flat)
    return html


def _key_part(value):
    """``value`` as part of a cache key: itself when it is plain data, else its type and text (a lazy
    translation, a model's display value)."""
    if value is None or isinstance(value, (str, int, datetime.date)):
        return (type(value), value)
    return (type(value), str(value))


def _render(context, template_name, flat):
    template = context.template.engine.get_template(template_name)
    return template.render(Context(flat, autoescape=context.autoescape))
