"""``{% card item %}`` and ``{% search_result result %}``: rendered once per process and generation (``card_cache.py``)."""

from django import template

from nnirr_site.core.card_cache import DEFAULT_TEMPLATE, render_card, render_search_result

register = template.Library()


@register.simple_tag(takes_context=True)
def card(context, item, template=DEFAULT_TEMPLATE, **values):
    """Like ``{% include template with values %}`` for one card; ``label`` and ``date`` are its values."""
    return render_card(context, item, template, **values)


@register.simple_tag(takes_context=True)
def search_result(context, result):
    """One search result (``core/includes/search_result.html``), kept like a card."""
    return render_search_result(context, result)
