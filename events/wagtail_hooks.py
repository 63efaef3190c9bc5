"""Admin wiring for events: the queue of submitted events in the admin menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events import admin_views


@hooks.register("register_admin_urls")
def register_event_urls():
    urls = [
        path("", admin_views.QueueView.as_view(), name="queue"),
        path("<int:submission_id>/", admin_views.SubmissionView.as_view(), name="submission"),
    ]
    return [path("event-submissions/", include((urls, "events_admin"), namespace="events_admin"))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_event_menu_item():
    return ModeratorMenuItem(
        _("Submitted events"), reverse("events_admin:queue"), name="event-submissions", icon_name="date", order=906
    )


# How many upcoming events the "Take action" page shows before "See all upcoming events".
TAKE_ACTION_EVENTS = 6


@hooks.register("register_open_actions")
def upcoming_events(locale):
    """The next events of this language that are not cancelled, for the "Take action" page."""
    from django.utils import timezone

    from events.models import EventIndexPage, EventPage, EventStatus
    from nnirr_site.core.open_actions import ActionGroup

    events = (
        EventPage.objects.live().public().filter(locale=locale, ends_at__gt=timezone.now())
        .exclude(status=EventStatus.CANCELLED).select_related("listing_image").order_by("starts_at", "title")
    )
    index = EventIndexPage.objects.live().filter(locale=locale).first()
    return ActionGroup(
        key="events",
        heading=_("Join an event"),
        description=_("Rallies, forums, vigils, trainings and community dinners organized by member groups."),
        items=list(events[:TAKE_ACTION_EVENTS]),
        order=30,
        more_url=index.url if index else "",
        more_label=_("See all upcoming events"),
    )


@hooks.register("register_dashboard_rows")
def event_dashboard_rows(request, since):
    """Events submitted this week, submissions waiting for review, undelivered emails to organizers."""
    from events.models import EventEmail, EventSubmission, SubmissionStatus
    from nnirr_site.core.dashboard import RECENT, UNDELIVERED, WAITING, DashboardRow

    if not admin_views.may_moderate(request.user):
        return []
    queue = reverse("events_admin:queue")
    return [
        DashboardRow(RECENT, _("Submitted events"), EventSubmission.objects.filter(created_at__gte=since).count(),
                     queue),
        DashboardRow(WAITING, _("Submitted events to review"),
                     EventSubmission.objects.filter(status=SubmissionStatus.PENDING).count(), queue),
        DashboardRow(UNDELIVERED, _("Emails to event organizers"),
                     EventEmail.objects.filter(failed_at__gte=since).count(), queue),
    ]
