"""App configuration for the border services directory."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ServicesConfig(AppConfig):
    """The border services directory and map (issue 16)."""

    name = "services"
    label = "services"
    verbose_name = "Border services"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Services are snippets, and saving one publishes no page: tell the whole-page cache
        # (nnirr_site/core/page_cache.py) itself, so a location made confidential leaves every cached page at once.
        from nnirr_site.core.layout_cache import new_page_generation
        from services import retention  # noqa: F401  (registers its steps with the core)
        from services import disclosure, views  # noqa: F401  (register the directory's route handlers)
        from services.models import Service, ServiceHours

        for model in (Service, ServiceHours):
            for signal in (post_save, post_delete):
                signal.connect(new_page_generation, sender=model, dispatch_uid=f"services-cache-{model.__name__}-{signal!r}")
