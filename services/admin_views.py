"""Staff views of the directory: the out-of-date report, and checking a service off as verified.

A service not checked for ``STALE_AFTER_DAYS`` days (or never) is listed here, oldest first,
with its open corrections. "Checked today" (a POST) records today's date and who checked; the
same happens when an editor changes "last checked on" in a service's edit form
(``wagtail_hooks.ServiceEditView``). Both need the permission to change services.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from nnirr_site.core.views import paginate
from services.models import CLOSED_CORRECTION_STATUSES, STALE_AFTER_DAYS, Service, ServiceStatus, stale_cutoff

CHANGE_PERMISSION = "services.change_service"


def can_change(user):
    return user.is_active and user.has_perm(CHANGE_PERMISSION)


def stale_services(today=None):
    """Services (one per translation set, in the default language) not checked since the cutoff, oldest first."""
    return (
        Service.objects.filter(locale=Locale.get_default())
        .exclude(status=ServiceStatus.CLOSED)
        .filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=stale_cutoff(today)))
        .annotate(
            open_corrections=Count(
                "corrections", filter=~Q(corrections__status__in=CLOSED_CORRECTION_STATUSES), distinct=True
            )
        )
        .select_related("last_verified_by")
        .order_by(F("last_verified_on").asc(nulls_first=True), "name", "pk")
    )


class StaleReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/admin/stale_report.html"
    page_title = gettext_lazy("Border services to check")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_change(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        services = stale_services()
        context.update(services=paginate(self.request, services, 50), stale_days=STALE_AFTER_DAYS)
        return context


def mark_checked(request, service_id):
    """POST: record that ``request.user`` checked the service today (every translation shares it)."""
    if not can_change(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("services_admin:stale")
    service = get_object_or_404(Service, pk=service_id)
    service.last_verified_on = timezone.localdate()
    service.last_verified_by = request.user
    service.save()
    messages.success(request, _("“%(name)s” is marked as checked today.") % {"name": service.name})
    return redirect("services_admin:stale")
