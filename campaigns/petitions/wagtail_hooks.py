"""Admin wiring for petitions: the staff signature views, their menu item and the read-only export log."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from campaigns.petitions import admin_views
from campaigns.petitions.models import SignatureExport

LOG_PERMISSION = "petitions.view_signatureexport"


class ReadOnlyLogPolicy(BasePermissionPolicy):
    """Whoever holds the log's view permission (superusers do) may read it; nobody may add, change or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(LOG_PERMISSION)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(pk__in=[user.pk for user in users if user.has_perm(LOG_PERMISSION)])


register_permission_policy(SignatureExport, ReadOnlyLogPolicy(SignatureExport))


class SignatureExportViewSet(ModelViewSet):
    """The export log: a listing and one entry's page; no add, edit or delete views are reachable."""

    model = SignatureExport
    icon = "history"
    menu_label = _("Signature export log")
    menu_order = 910
    add_to_admin_menu = True
    url_prefix = "petition-export-log"
    list_display = ["created_at", "username", "petition_title", "row_count", "with_emails", "filters"]
    list_filter = ["created_at", "with_emails"]
    search_fields = ["username", "petition_title"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "username",
        "petition_title",
        "petition_key",
        "row_count",
        "with_emails",
        "filters",
    ]
    form_fields = []
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_export_log():
    return SignatureExportViewSet("petition_export_log")


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
