"""A sitemap that lists the pages of every language, not only the default one, at the site's address."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from nnirr_site.core import site_url


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree; ours adds the trees of the root's translations.

    Each location is on the site's address (``SITE_URL``), not the host the crawler asked for
    nor the Site record's (``nnirr_site/core/site_url.py``).
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        query = Page.objects.none()
        for translated_root in roots:
            query = query | Page.objects.descendant_of(translated_root, inclusive=True)
        return query.live().public().order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for url_info in urls:
            url_info["location"] = site_url.on_site(url_info["location"])
        return urls
