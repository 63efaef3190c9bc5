"""App configuration for the core app."""

from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Registers the core app under the short label ``core``, with its signals and system checks."""

    name = "nnirr_site.core"
    label = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from nnirr_site.core import site_url
        from nnirr_site.core.checks import check_site_url_deploy, check_site_url_format
        from nnirr_site.core.layout_cache import connect_signals
        from nnirr_site.core.models import Menu, MenuItem, Office, SiteSettings

        from taggit.models import Tag

        # Tags: listings keep their topic options for the generation (page_extras.shared), and a tag's
        # name can be edited without publishing the pages that carry it.
        connect_signals(site_models=[Office, SiteSettings], menu_models=[Menu, MenuItem], page_models=[Tag])
        # The site's public address (SITE_URL): checked, and given to the Wagtail Site record after migrate.
        checks.register(check_site_url_format, "nnirr")
        checks.register(check_site_url_deploy, "nnirr", deploy=True)
        post_migrate.connect(site_url.sync_default_site_after_migrate, sender=self)
