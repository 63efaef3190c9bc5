"""Admin wiring for petitions: the staff signature views, their menu item and the read-only export log."""

from django.db import models
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from campaigns.petitions import admin_views
from campaigns.petitions.models import SignatureExport
from supporter_actions.log_admin import read_only_log_viewset

# The export log: a listing and one entry's page; no add, edit or delete views are reachable.
EXPORT_LOG = read_only_log_viewset(
    SignatureExport,
    "petition_export_log",
    menu_label=_("Signature export log"),
    menu_order=910,
    url_prefix="petition-export-log",
    list_display=["created_at", "username", "petition_title", "row_count", "with_emails", "filters"],
    list_filter=["created_at", "with_emails"],
    search_fields=["username", "petition_title"],
    inspect_view_fields=["created_at", "username", "petition_title", "petition_key", "row_count", "with_emails", "filters"],
)


@hooks.register("register_admin_viewset")
def register_export_log():
    return EXPORT_LOG


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
    from nnirr_site.core.open_actions import ActionGroup

    petitions = (
        PetitionPage.objects.live().public().filter(locale=locale).filter(open_petitions_filter(timezone.now()))
        .select_related("listing_image").order_by(models.F("deadline").asc(nulls_last=True), "-first_published_at")
    )
    return ActionGroup(
        key="petitions",
        heading=_("Sign a petition"),
        description=_("Add your name. We deliver every signature to the people who decide."),
        items=list(petitions),
        order=10,
    )
