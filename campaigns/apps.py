"""App configuration for programs and campaigns."""

from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    """Programs and campaigns."""

    name = "campaigns"
    verbose_name = "Programs and campaigns"
    default_auto_field = "django.db.models.BigAutoField"
