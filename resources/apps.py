"""App configuration for the resource library."""

from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The resource library."""

    name = "resources"
    verbose_name = "Resource library"
    default_auto_field = "django.db.models.BigAutoField"
