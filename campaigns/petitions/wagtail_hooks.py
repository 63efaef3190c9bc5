"""Admin wiring for petitions: the "Petitions" listing, the staff signature views, the read-only export log,
the open petitions for the "Take action" page and the dashboard rows."""

from django.conf import settings
from django.db import models
from django.urls import include, path, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from campaigns.petitions import admin_views
from campaigns.petitions.models import PetitionPage, SignatureExport
from supporter_actions.log_admin import read_only_log_viewset


def grouped_goal(petition):
    return number_format(petition.signature_goal, force_grouping=True) if petition.signature_goal else ""


class PetitionPageListingViewSet(PageListingViewSet):
    """ "Petitions" in the main menu: every petition, wherever it sits (under a campaign or the index), with its deadline."""

    model = PetitionPage
    icon = "form"
    menu_label = _("Petitions")
    add_to_admin_menu = True
    menu_order = 160
    columns = PageListingViewSet.columns + [
        DateColumn("deadline", label=_("Deadline"), sort_key="deadline"),
        Column("signature_goal", label=_("Goal"), sort_key="signature_goal", accessor=grouped_goal),
    ]


# The export log: a listing and one entry's page; no add, edit or delete views are reachable.
EXPORT_LOG = read_only_log_viewset(
    SignatureExport,
    "petition_export_log",
    menu_label=_("Signature export log"),
    menu_order=910,
    url_prefix="petition-export-log",
    list_display=["created_at", "username", "petition_title", "row_count", "filters"],
    list_filter=["created_at", "with_emails"],
    search_fields=["username", "petition_title"],
    inspect_view_fields=["created_at", "username", "petition_title", "petition_key", "row_count", "with_emails", "filters"],
)


@hooks.register("register_admin_viewset")
def register_export_log():
    return EXPORT_LOG


@hooks.register("register_admin_viewset")
def register_petition_listing():
    return PetitionPageListingViewSet("petition_pages")


@hooks.register("register_admin_urls")
def register_signature_urls():
    urls = [
        path("", admin_views.PetitionIndexView.as_view(), name="index"),
        path("<int:page_id>/", admin_views.SignatureListView.as_view(), name="signatures"),
        path("<int:page_id>/export/", admin_views.ExportView.as_view(), name="export"),
        path("<int:page_id>/invalidate/", admin_views.InvalidateView.as_view(), name="invalidate"),
        path("<int:page_id>/<int:signature_id>/", admin_views.SignatureDetailView.as_view(), name="signature"),
        path(
            "<int:page_id>/<int:signature_id>/delete/", admin_views.SignatureDeleteView.as_view(), name="delete"
        ),
        path(
            "<int:page_id>/<int:signature_id>/approve/",
            admin_views.SignatureReviewView.as_view(action="approve"),
            name="approve",
        ),
        path(
            "<int:page_id>/<int:signature_id>/reject/",
            admin_views.SignatureReviewView.as_view(action="reject"),
            name="reject",
        ),
    ]
    return [path("petition-signatures/", include((urls, "petitions_admin"), namespace="petitions_admin"))]


@hooks.register("register_admin_menu_item")
def register_signatures_menu_item():
    return MenuItem(
        _("Petition signatures"), reverse("petitions_admin:index"), name="petition-signatures", icon_name="list-ul", order=900
    )


@hooks.register("register_open_actions")
def open_petitions(locale):
    """Petitions of this language that are still open, for the "Take action" page."""
    from django.utils import timezone

    from campaigns.petitions.models import PetitionPage, open_petitions_filter
    from nnirr_site.core.open_actions import ActionGroup, open_pages_by_deadline

    return ActionGroup(
        key="petitions",
        heading=_("Sign a petition"),
        description=_("Add your name. We deliver every signature to the people who decide."),
        items=open_pages_by_deadline(PetitionPage.objects, locale, open_petitions_filter(timezone.now())),
        order=10,
    )


@hooks.register("register_dashboard_rows")
def petition_dashboard_rows(request, since):
    """New signatures per petition (open ones, and any that got signatures), flagged ones, undelivered emails."""
    from django.utils import timezone

    from campaigns.petitions.models import PetitionPage, Signature, SignatureEmail, open_petitions_filter
    from campaigns.petitions.queries import STATE_FILTERS, State
    from nnirr_site.core.dashboard import RECENT, UNDELIVERED, WAITING, DashboardRow, count_by

    if not admin_views.can_see_signature_data(request.user):
        return []
    recent = count_by(Signature.objects.filter(created_at__gte=since), "petition_key")
    petitions = PetitionPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).filter(
        open_petitions_filter(timezone.now()) | models.Q(translation_key__in=recent.keys())
    ).order_by("title")
    rows = [
        DashboardRow(RECENT, _("New signatures: %(title)s") % {"title": petition.title},
                     recent.get(petition.translation_key, 0),
                     reverse("petitions_admin:signatures", args=[petition.pk]))
        for petition in petitions
    ]
    index = reverse("petitions_admin:index")
    rows.append(DashboardRow(WAITING, _("Flagged petition signatures to review"),
                             Signature.objects.filter(STATE_FILTERS[State.FLAGGED]).count(), index))
    rows.append(DashboardRow(UNDELIVERED, _("Petition emails"),
                             SignatureEmail.objects.filter(failed_at__gte=since).count(), index))
    return rows
