"""App configuration for events: event pages, calendar feeds and organizers' submissions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events (label ``events``); connects the publish signal that numbers calendar revisions."""

    name = "events"
    label = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The publish signal (calendar revision, organizer's email) and the retention steps of
        # the core's purge_supporter_data.
        from events import retention, signals  # noqa: F401
        # Register what answers the index's and the events' routes (supporter_actions/page_routes.py).
        from events import submission_views, views  # noqa: F401
