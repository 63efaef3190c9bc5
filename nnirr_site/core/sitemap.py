"""A sitemap that lists the pages of every language, not only the default one."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree; ours adds the trees of the root's translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        query = Page.objects.none()
        for translated_root in roots:
            query = query | Page.objects.descendant_of(translated_root, inclusive=True)
        return query.live().public().order_by("path").defer_streamfields().specific()
