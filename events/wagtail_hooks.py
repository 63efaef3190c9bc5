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
