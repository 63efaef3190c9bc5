"""Admin wiring of the directory: the services snippet, the corrections queue and the out-of-date report."""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet
from wagtail.admin.views.generic.models import EditView as ModelEditView

from services import admin_views
from services.models import Correction, Service


def record_checker(view):
    """Whoever changes "last checked on" is recorded as the one who checked."""
    if "last_verified_on" in view.form.changed_data and view.form.instance.last_verified_on:
        view.form.instance.last_verified_by = view.request.user


class ServiceCreateView(CreateView):
    def save_instance(self):
        record_checker(self)
        return super().save_instance()


class ServiceEditView(EditView):
    def save_instance(self):
        record_checker(self)
        return super().save_instance()


class ServiceViewSet(SnippetViewSet):
    """Border services: edited like any snippet, translated with wagtail-localize."""

    model = Service
    icon = "site"
    menu_label = _("Border services")
    menu_name = "border-services"
    menu_order = 230
    add_to_admin_menu = True
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView
    list_display = ["name", "organization_name", "city", "state", "status", "address_confidential", "last_verified_on"]
    list_filter = ["status", "state", "address_confidential", "asks_immigration_status", "locale"]
    list_export = ["name", "organization_name", "city", "state", "status", "phone", "last_verified_on"]
    search_fields = ["name", "organization_name", "city"]
    ordering = ["name", "pk"]


register_snippet(ServiceViewSet)


class CorrectionPolicy(ModelPermissionPolicy):
    """Corrections come only from the public form: staff may view, change (status, note) and delete them."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Correction, CorrectionPolicy(Correction))


class CorrectionEditView(ModelEditView):
    def save_instance(self):
        instance = self.form.instance
        instance.handled_by = self.request.user
        instance.handled_at = timezone.now()
        return super().save_instance()


class CorrectionViewSet(ModelViewSet):
    """The staff queue of suggested corrections, newest first; open ones by default via the status filter."""

    model = Correction
    icon = "help"
    menu_label = _("Service corrections")
    menu_order = 231
    add_to_admin_menu = True
    url_prefix = "service-corrections"
    edit_view_class = CorrectionEditView
    list_display = ["created_at", "service", "topic", "status", "flagged", "language", "excerpt"]
    list_filter = ["status", "topic", "flagged", "language"]
    search_fields = ["details", "service__name"]
    form_fields = ["status", "staff_note"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at", "service", "topic", "details", "contact", "language", "flagged", "status", "staff_note",
        "handled_by", "handled_at",
    ]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_corrections():
    return CorrectionViewSet("service_corrections")


@hooks.register("register_admin_urls")
def register_service_admin_urls():
    urls = [
        path("", admin_views.StaleReportView.as_view(), name="stale"),
        path("<int:service_id>/checked/", admin_views.mark_checked, name="mark_checked"),
    ]
    return [path("border-services-to-check/", include((urls, "services_admin"), namespace="services_admin"))]


class StaleReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_change(request.user)


@hooks.register("register_admin_menu_item")
def register_stale_report_item():
    return StaleReportMenuItem(
        _("Services to check"), reverse("services_admin:stale"), name="services-to-check", icon_name="warning",
        order=232,
    )


@hooks.register("register_dashboard_rows")
def correction_dashboard_rows(request, since):
    """Suggested corrections to border services that nobody has closed yet."""
    from nnirr_site.core.dashboard import WAITING, DashboardRow
    from services.models import CLOSED_CORRECTION_STATUSES

    if not request.user.has_perm("services.change_correction"):
        return []
    waiting = Correction.objects.exclude(status__in=CLOSED_CORRECTION_STATUSES).count()
    return [DashboardRow(WAITING, _("Border service corrections to check"), waiting, reverse("service_corrections:index"))]
