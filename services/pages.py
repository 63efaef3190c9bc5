"""The directory page: under home, it lists, maps and exports the border services, and serves each one.

``/services/`` in English and ``/es/servicios/`` in Spanish are the same page translated (the
slug too). Its routes (``RoutablePageMixin``) serve, in the page's language:

- ``""``: the filtered list with counts, the map and its text alternative;
- ``export/csv/`` and ``export/json/``: the filtered list for download (HSDS-shaped JSON);
- ``feed/``: an Atom feed of the services most recently checked;
- ``<slug>/``: one service; ``<slug>/correction/`` its "suggest a correction" form and
  ``<slug>/correction/thanks/`` the page after it.

The views import this module; they register what answers each route by name
(``supporter_actions/page_routes.py``), so this module imports neither them nor ``disclosure``. Services themselves are snippets
(``services/models.py`` says why); the sitemap gets their addresses from ``get_sitemap_urls``,
through the same public view of them as every page (``services/disclosure.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from nnirr_site.core.models import SectionIndexPage
from supporter_actions.page_routes import handler


class ServiceDirectoryPage(RoutablePageMixin, SectionIndexPage):
    """Under home: the border services directory, its map and exports, and every service's own page."""

    PAGE_SIZE = 50
    FEED_SIZE = 30

    how_to_use = models.TextField(
        _("how to use this directory"),
        blank=True,
        max_length=1000,
        help_text=_("A short note under the introduction, e.g. to call before going."),
    )

    content_panels = SectionIndexPage.content_panels + [FieldPanel("how_to_use")]
    subpage_types = []

    class Meta:
        verbose_name = _("border services directory")

    @path("")
    def directory(self, request):
        return handler("services.directory")(request, self)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return handler("services.export")(request, self, "csv")

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return handler("services.export")(request, self, "json")

    @path("feed/", name="feed")
    def feed(self, request):
        return handler("services.feed")(request, self)

    @path("<slug:slug>/", name="service")
    def service(self, request, slug):
        return handler("services.service")(request, self, slug)

    @path("<slug:slug>/correction/", name="correction")
    def correction(self, request, slug):
        return handler("services.correction")(request, self, slug)

    @path("<slug:slug>/correction/thanks/", name="correction_thanks")
    def correction_thanks(self, request, slug):
        return handler("services.correction_thanks")(request, self, slug)

    def service_url(self, slug):
        return self.url + self.reverse_subpage("service", kwargs={"slug": slug})

    def get_sitemap_urls(self, request=None):
        """The directory and every public service in its language (through the public view of services)."""
        public_queryset = handler("services.public_queryset")
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        slugs = public_queryset(self.locale_id).order_by("slug").values_list("slug", "updated_at")
        for slug, updated_at in slugs:
            urls.append(
                {"location": base + self.reverse_subpage("service", kwargs={"slug": slug}), "lastmod": updated_at}
            )
        return urls
