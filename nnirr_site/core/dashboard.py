"""The admin dashboard's morning panel: what came in over the last 7 days and what waits for staff.

Core cannot import the apps, so each app registers a function with the Wagtail hook
``register_dashboard_rows``. It takes the request (to check the user's permissions: a row a
user could not open is not shown) and the start of the 7-day window, and returns
``DashboardRow`` objects. Core adds the pages waiting for moderation itself.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

HOOK_NAME = "register_dashboard_rows"
WINDOW_DAYS = 7

# Sections of the panel, in this order.
RECENT = "recent"
WAITING = "waiting"
UNDELIVERED = "undelivered"
SECTIONS = [
    (RECENT, _("Last 7 days")),
    (WAITING, _("Waiting for staff")),
    (UNDELIVERED, _("Emails that could not be delivered (last 7 days)")),
]


@dataclass
class DashboardRow:
    """One line of the panel: what, how many, where to deal with it."""

    section: str
    label: str
    count: int
    url: str = ""


def count_by(queryset, field):
    """``{value of field: number of rows}``, e.g. new signatures per petition."""
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))


def moderation_rows(request, since):
    """Pages submitted to a workflow and not yet approved or rejected."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return []
    waiting = WorkflowState.objects.active().count()
    return [DashboardRow(WAITING, _("Pages waiting for moderation"), waiting, reverse("wagtailadmin_reports:workflow"))]


def dashboard_rows(request, now=None):
    since = (now or timezone.now()) - datetime.timedelta(days=WINDOW_DAYS)
    rows = moderation_rows(request, since)
    for gather in hooks.get_hooks(HOOK_NAME):
        rows.extend(gather(request, since) or [])
    return rows


class MorningPanel(Component):
    """The first panel on the dashboard: one table per section, a link on every row."""

    name = "nnirr_morning"
    order = 10
    template_name = "core/admin/morning_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = dashboard_rows(self.request)
        sections = [(title, [row for row in rows if row.section == key]) for key, title in SECTIONS]
        return {"sections": [(title, section_rows) for title, section_rows in sections if section_rows]}
