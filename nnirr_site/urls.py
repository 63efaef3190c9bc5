"""URL routes: admin, documents and machine endpoints unprefixed; pages under i18n patterns.

English pages live at ``/``, Spanish ones under ``/es/``.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.petitions import views as petition_views
from events import views as event_views
from nnirr_site.background import views as background_views
from nnirr_site.core import views as core_views
from nnirr_site.core.sitemap import MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("health/", background_views.web_health, name="health"),
    path("health/worker/", background_views.worker_health, name="worker_health"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("petitions/<int:petition_id>/count.json", petition_views.count_json, name="petition_count"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("", include("email_list.urls")),  # /email-list/, /es/lista-de-correo/ (email_list/urls.py)
    path("events.ics", event_views.feed, name="events_feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
