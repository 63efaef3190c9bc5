"""Staff views of the email list in the Wagtail admin.

- **Overview** (``email-list/``): each list with its subscribers now and, month by month for a
  year, how many joined and left and how many were subscribed at the month's end (from the
  consent history), for every admin user; no address is shown there.
- **Subscribers** (search, filter by list and state), one subscriber's page with their consent
  history (read-only) and the bounce/complaint marks, and the **CSV export** of a list's
  confirmed subscribers (each export logged first in ``SubscriberExport``): only for holders of
  ``email_list.view_subscriber`` (the "Email list data" group; superusers).
- **Digests**: the dashboard of one digest (items, counts per send state, preview, send, pause,
  resume); editing is the digest viewset's (``wagtail_hooks.py``).
"""

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from email_list import consent, digest_content, export_log, sending
from email_list.digest_email import DigestTemplate
from email_list.models import (
    ConsentAction,
    ConsentRecord,
    Digest,
    DigestStatus,
    MailingList,
    SendState,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from email_list.tasks import send_digest
from nnirr_site.core.views import paginate

DATA_PERMISSION = "email_list.view_subscriber"
EXPORT_PERMISSION = "email_list.export_subscribers"
MARK_PERMISSION = "email_list.change_subscriber"
DIGEST_PERMISSION = "email_list.change_digest"
MONTHS = 12


def require(user, permission):
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied


def month_starts(now, count):
    first = now.date().replace(day=1)
    months = []
    for _index in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def counts_over_time(lists, now=None):
    """``{list_id: [{"month", "joined", "left", "subscribed"}, ...]}`` for the last ``MONTHS`` months."""
    now = now or timezone.now()
    months = month_starts(now, MONTHS)
    active = dict(
        Subscription.objects.filter(status=SubscriptionStatus.ACTIVE).values("mailing_list")
        .annotate(n=Count("pk")).values_list("mailing_list", "n")
    )
    changes = {}
    rows = (
        ConsentRecord.objects.filter(action__in=[ConsentAction.SUBSCRIBED, ConsentAction.UNSUBSCRIBED],
                                     at__gte=timezone.make_aware(datetime.datetime.combine(months[0], datetime.time.min)))
        .annotate(month=TruncMonth("at")).values("mailing_list", "action", "month").annotate(n=Count("pk"))
    )
    for row in rows:
        key = (row["mailing_list"], row["month"].date())
        joined, left = changes.get(key, (0, 0))
        if row["action"] == ConsentAction.SUBSCRIBED:
            joined += row["n"]
        else:
            left += row["n"]
        changes[key] = (joined, left)
    result = {}
    for mailing_list in lists:
        running = active.get(mailing_list.pk, 0)
        series = []
        for month in reversed(months):
            joined, left = changes.get((mailing_list.pk, month), (0, 0))
            series.append({"month": month, "joined": joined, "left": left, "subscribed": running})
            running -= joined - left
        result[mailing_list.pk] = list(reversed(series))
    return result, active


class OverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "email_list/admin/overview.html"
    page_title = _("Email list")

    def get_page_title(self):
        return _("Email list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lists = list(MailingList.objects.all())
        series, active = counts_over_time(lists)
        context.update(
            rows=[{"list": item, "active": active.get(item.pk, 0), "series": series[item.pk]} for item in lists],
            digests=Digest.objects.select_related("mailing_list")[:20],
            can_see_data=self.request.user.has_perm(DATA_PERMISSION),
            can_export=self.request.user.has_perm(EXPORT_PERMISSION),
        )
        return context


class SubscriberListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "email_list/admin/subscribers.html"

    def get_page_title(self):
        return _("Subscribers")

    def dispatch(self, request, *args, **kwargs):
        require(request.user, DATA_PERMISSION)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:200]
        list_id = self.request.GET.get("list", "")
        state = self.request.GET.get("state", "")
        subscribers = Subscriber.objects.all()
        if query:
            subscribers = subscribers.filter(Q(email__icontains=query) | Q(first_name__icontains=query))
        if list_id.isdigit():
            subscribers = subscribers.filter(subscriptions__mailing_list_id=int(list_id),
                                             subscriptions__status=SubscriptionStatus.ACTIVE)
        if state == "bounced":
            subscribers = subscribers.filter(bounced_at__isnull=False)
        elif state == "complained":
            subscribers = subscribers.filter(complained_at__isnull=False)
        elif state == "unconfirmed":
            subscribers = subscribers.filter(subscriptions__isnull=True)
        subscribers = subscribers.annotate(
            active_lists=Count("subscriptions", filter=Q(subscriptions__status=SubscriptionStatus.ACTIVE))
        ).order_by("-created_at", "-pk")
        page = paginate(self.request, subscribers, 50)
        context.update(page=page, query=query, list_id=list_id, state=state, lists=MailingList.objects.all())
        return context


class SubscriberDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "email_list/admin/subscriber.html"

    def get_page_title(self):
        return _("Subscriber")

    def dispatch(self, request, *args, **kwargs):
        require(request.user, DATA_PERMISSION)
        self.subscriber = get_object_or_404(Subscriber, pk=kwargs["subscriber_id"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, subscriber_id):
        require(request.user, MARK_PERMISSION)
        action = request.POST.get("action")
        note = request.POST.get("note", "").strip()[:200]
        username = request.user.get_username()
        if action == "bounced":
            consent.mark_bounced(self.subscriber.pk, note or "marked by staff", consent.METHOD_STAFF, username)
        elif action == "complained":
            consent.mark_complained(self.subscriber.pk, note or "marked by staff", username)
        elif action == "clear":
            consent.clear_marks(self.subscriber.pk, username)
        messages.success(request, _("Saved."))
        return redirect("email_list_admin:subscriber", subscriber_id=self.subscriber.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            subscriber=self.subscriber,
            subscriptions=self.subscriber.subscriptions.select_related("mailing_list"),
            history=self.subscriber.consent_records.select_related("mailing_list").order_by("at", "pk"),
            requests=self.subscriber.signup_requests.order_by("-created_at")[:20],
            can_mark=self.request.user.has_perm(MARK_PERMISSION),
        )
        return context


def csv_cell(value):
    """A cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class ExportView(View):
    """The CSV of a list's confirmed subscribers (email, first name, language, confirmed), logged before it is read."""

    def get(self, request, list_id):
        require(request.user, EXPORT_PERMISSION)
        mailing_list = get_object_or_404(MailingList, pk=list_id)
        with transaction.atomic():
            rows = list(
                Subscription.objects.filter(mailing_list=mailing_list, status=SubscriptionStatus.ACTIVE,
                                            subscriber__bounced_at__isnull=True, subscriber__complained_at__isnull=True)
                .select_related("subscriber").order_by("confirmed_at", "pk")
            )
            export_log.log_export(request.user, mailing_list, len(rows), "confirmed, deliverable")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="email-list-{mailing_list.pk}-{timezone.now():%Y%m%d}.csv"'
        response["Cache-Control"] = "private, no-store"
        writer = csv.writer(response)
        writer.writerow(["email", "first_name", "language", "confirmed_at"])
        for row in rows:
            writer.writerow([csv_cell(row.subscriber.email), csv_cell(row.subscriber.first_name),
                             row.subscriber.language, row.confirmed_at.isoformat()])
        return response


class DigestDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "email_list/admin/digest.html"

    def get_page_title(self):
        return _("Digest")

    def dispatch(self, request, *args, **kwargs):
        require(request.user, DIGEST_PERMISSION)
        self.digest = get_object_or_404(Digest.objects.select_related("mailing_list"), pk=kwargs["digest_id"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, digest_id):
        action = request.POST.get("action")
        username = request.user.get_username()
        if action == "assemble" and self.digest.editable:
            count = digest_content.fill(self.digest)
            messages.success(request, _("%(count)s items found in the period.") % {"count": count})
        elif action == "send":
            if sending.start(self.digest, username, send_digest):
                messages.success(request, _("Sending has started. The worker sends in the background."))
        elif action == "pause":
            sending.pause(self.digest)
            messages.success(request, _("Sending is paused."))
        elif action == "resume":
            sending.resume(self.digest, send_digest)
            messages.success(request, _("Sending goes on."))
        return redirect("email_list_admin:digest", digest_id=self.digest.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        digest = self.digest
        counts = sending.counts(digest)
        context.update(
            digest=digest,
            items=digest.items.all(),
            counts=[(SendState(state).label, count) for state, count in counts.items()],
            done=counts[SendState.SENT] + counts[SendState.HANDED_OVER],
            total=sum(counts.values()),
            recipients=self.expected_recipients() if digest.status == DigestStatus.DRAFT else None,
        )
        return context

    def expected_recipients(self):
        digest = self.digest
        subscriptions = Subscription.objects.filter(
            mailing_list=digest.mailing_list, status=SubscriptionStatus.ACTIVE,
            subscriber__bounced_at__isnull=True, subscriber__complained_at__isnull=True,
        )
        if not digest.mailing_list.language:
            subscriptions = subscriptions.filter(subscriber__language=digest.language)
        return subscriptions.count()


class DigestPreviewView(View):
    """The email as a recipient gets it (HTML or text), with example links in place of personal ones."""

    def get(self, request, digest_id, kind):
        require(request.user, DIGEST_PERMISSION)
        digest = get_object_or_404(Digest.objects.select_related("mailing_list"), pk=digest_id)
        template = DigestTemplate(digest)
        if kind == "text":
            response = HttpResponse(template.text, content_type="text/plain; charset=utf-8")
        else:
            response = HttpResponse(template.html, content_type="text/html; charset=utf-8")
        response["Cache-Control"] = "private, no-store"
        return response
