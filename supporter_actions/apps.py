"""App configuration for the supporter-actions core (a top-level app every action's app uses)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupporterActionsConfig(AppConfig):
    """The shared core of supporter actions; it owns the used form stamps table."""

    name = "supporter_actions"
    label = "supporter_actions"
    verbose_name = _("Supporter actions")
    default_auto_field = "django.db.models.BigAutoField"
