"""``{% site_url page_or_path %}``: the site's absolute URL of a page or a path, never the request's host.

For links that leave the page (share text, canonical and alternate links, og:image);
see ``nnirr_site/core/site_url.py``.
"""

from django import template

from nnirr_site.core import site_url as site_address

register = template.Library()


@register.simple_tag(takes_context=True)
def site_url(context, page_or_path):
    """``{% site_url page %}``, ``{% site_url "/es/" %}``, ``{% site_url rendition.url as link %}``."""
    return site_address.absolute(page_or_path, context.get("request")) or ""
