"""The staff queue of submitted events in the Wagtail admin (needs ``events.moderate_eventsubmission``).

The queue lists confirmed submissions by status (waiting, draft made, published, declined; never
the unconfirmed or flagged ones, which are not anyone's event yet). A submission's page shows what
the organizer wrote and their contact, with two actions by POST: make a draft event page (then
edit and publish it in the page editor) or decline with a reason sent to the organizer.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events import moderation
from events.models import EventSubmission, SubmissionStatus
from nnirr_site.core.views import paginate

PERMISSION = "events.moderate_eventsubmission"
TABS = [SubmissionStatus.PENDING, SubmissionStatus.DRAFTED, SubmissionStatus.PUBLISHED, SubmissionStatus.DECLINED]


def may_moderate(user):
    return user.is_active and user.has_perm(PERMISSION)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the organizer)"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModeratorMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QueueView(ModeratorMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/queue.html"
    page_title = gettext_lazy("Submitted events")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", SubmissionStatus.PENDING)
        if status not in TABS:
            status = SubmissionStatus.PENDING
        confirmed = EventSubmission.objects.filter(flagged=False, confirmed_at__isnull=False)
        counts = dict(confirmed.values_list("status").annotate(n=Count("pk")))
        labels = dict(SubmissionStatus.choices)
        context.update(
            status=status,
            tabs=[{"status": s, "label": labels[s], "count": counts.get(s, 0),
                   "url": f"{reverse('events_admin:queue')}?status={s}"} for s in TABS],
            page_obj=paginate(self.request, confirmed.filter(status=status).order_by("start_date", "pk"), 50),
        )
        return context


class SubmissionView(ModeratorMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/submission.html"
    header_icon = "date"

    def get_page_title(self):
        return self.submission.title

    def dispatch(self, request, *args, **kwargs):
        self.submission = get_object_or_404(
            EventSubmission.objects.select_related("event_page"), pk=kwargs["submission_id"], confirmed_at__isnull=False
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(submission=self.submission, decline_form=kwargs.get("decline_form") or DeclineForm(),
                       breadcrumbs_items=[{"url": reverse("events_admin:queue"), "label": _("Submitted events")}])
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "draft":
            page = moderation.make_draft(self.submission, request.user)
            if page is None:
                messages.error(request, _("This submission is no longer waiting for review."))
                return redirect("events_admin:submission", self.submission.pk)
            messages.success(request, _("Draft event page made. Check it, then publish it: the organizer is "
                                        "told when it is published."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        if action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(decline_form=form))
            if moderation.decline(self.submission, request.user, form.cleaned_data["reason"]):
                messages.success(request, _("Declined; the organizer is told by email."))
            else:
                messages.error(request, _("This submission is no longer waiting for review."))
            return redirect("events_admin:queue")
        return redirect("events_admin:submission", self.submission.pk)
