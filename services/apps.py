"""App configuration for the border services directory."""

from django.apps import AppConfig


class ServicesConfig(AppConfig):
    """The border services directory and map (issue 16)."""

    name = "services"
    label = "services"
    verbose_name = "Border services"
    default_auto_field = "django.db.models.BigAutoField"
