"""App configuration for the core app."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Registers the core app under the short label ``core``."""

    name = "nnirr_site.core"
    label = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from nnirr_site.core.layout_cache import connect_signals

        connect_signals()
