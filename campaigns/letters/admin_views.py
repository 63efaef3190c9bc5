"""Staff views for sign-on letters in the Wagtail admin: counts for every editor, the verification queue
and the delivery kit for verifiers, contact persons only for those allowed to see them.

- The overview (every letter with its endorsements per status) is open to all admin users and
  shows no organization or person.
- The queue of one letter (endorsements by status, verify and reject by POST) and the delivery
  kit (CSV and PDF of verified signatories, each logged) need ``letters.verify_endorsement``
  (the "Sign-on verification" group); without it they answer 403.
- Contact persons, their emails and phones appear, in the queue and in the CSV, only for users
  with ``letters.view_endorsement_contacts`` ("Petition data", superusers).
Decisions go through ``verification``, exports through ``exports``.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from campaigns.letters import exports, verification
from campaigns.letters.models import Endorsement, EndorsementStatus, SignOnLetterPage
from nnirr_site.core.views import paginate

VERIFY_PERMISSION = "letters.verify_endorsement"
CONTACTS_PERMISSION = "letters.view_endorsement_contacts"
PER_PAGE = 50

# The queue's tabs, in the order staff work through them.
QUEUE_STATUSES = [
    EndorsementStatus.PENDING,
    EndorsementStatus.DUPLICATE,
    EndorsementStatus.VERIFIED,
    EndorsementStatus.REJECTED,
]


def can_verify(user):
    return user.is_active and user.has_perm(VERIFY_PERMISSION)


def can_see_contacts(user):
    return user.is_active and user.has_perm(CONTACTS_PERMISSION)


def status_counts(letter_keys):
    """``{letter_key: {status: count, ..., "total": n}}`` for the given letters."""
    counts = {key: {status.value: 0 for status in EndorsementStatus} | {"total": 0} for key in letter_keys}
    rows = (
        Endorsement.objects.filter(letter_key__in=list(letter_keys))
        .values("letter_key", "status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["letter_key"]][row["status"]] = row["n"]
        counts[row["letter_key"]]["total"] += row["n"]
    return counts


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for rejection"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Kept with the endorsement for staff; the organization is not told."),
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("pdf", gettext_lazy("PDF: the letter with its signatories")), ("csv", gettext_lazy("CSV: the signatories"))],
        initial="pdf",
        widget=forms.RadioSelect,
    )
    with_contacts = forms.BooleanField(
        label=gettext_lazy("Include contact persons (CSV only)"),
        required=False,
        help_text=gettext_lazy("Name, title, email and phone of each organization's contact."),
    )

    def __init__(self, *args, contacts_allowed=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not contacts_allowed:
            del self.fields["with_contacts"]


class LetterAdminMixin(WagtailAdminTemplateMixin):
    """Loads the letter from the URL and checks the verification permission (unless ``counts_only``)."""

    counts_only = False
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not self.counts_only and not can_verify(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def letter(self):
        return get_object_or_404(SignOnLetterPage.objects.select_related("locale"), pk=self.kwargs["page_id"])

    def queue_url(self, status=EndorsementStatus.PENDING):
        return reverse("letters_admin:queue", args=[self.letter.pk]) + f"?status={status}"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("letters_admin:index"), "label": _("Sign-on letters")}]
        if "page_id" in self.kwargs:
            items.append({"url": self.queue_url(), "label": self.letter.title})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "page_id" in self.kwargs:
            context["letter"] = self.letter
        return context


class LetterIndexView(LetterAdminMixin, TemplateView):
    """Every letter with its endorsements per status: open to all admin users, shows no organization or person."""

    counts_only = True
    template_name = "letters/admin/index.html"
    page_title = gettext_lazy("Sign-on letters")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default_locale = Locale.get_default()
        letters = {}
        for page in SignOnLetterPage.objects.select_related("locale").order_by("-first_published_at", "pk"):
            if page.translation_key not in letters or page.locale_id == default_locale.pk:
                letters[page.translation_key] = page
        counts = status_counts(letters.keys())
        context["letters"] = [{"page": page, "counts": counts[key]} for key, page in letters.items()]
        context["can_verify"] = can_verify(self.request.user)
        return context


class QueueView(LetterAdminMixin, TemplateView):
    """One letter's endorsements of one status, with the decisions staff can take on each."""

    template_name = "letters/admin/queue.html"

    def get_page_title(self):
        return _("Verification queue")

    @cached_property
    def status(self):
        status = self.request.GET.get("status", EndorsementStatus.PENDING)
        return status if status in QUEUE_STATUSES else EndorsementStatus.PENDING

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.letter.translation_key
        counts = status_counts([key])[key]
        labels = dict(EndorsementStatus.choices)
        endorsements = (
            Endorsement.objects.filter(letter_key=key, status=self.status)
            .select_related("logo", "duplicate_of")
            .prefetch_related("logo__renditions")  # the thumbnails without a query per row
            .order_by("confirmed_at" if self.status in (EndorsementStatus.PENDING, EndorsementStatus.DUPLICATE)
                      else "-decided_at", "pk")
        )
        context.update(
            status=self.status,
            tabs=[
                {"status": status, "label": labels[status], "count": counts[status], "url": self.queue_url(status)}
                for status in QUEUE_STATUSES
            ],
            page_obj=paginate(self.request, endorsements, PER_PAGE),
            can_see_contacts=can_see_contacts(self.request.user),
            reject_form=kwargs.get("reject_form") or RejectForm(),
            failed_id=kwargs.get("failed_id"),
            may_verify=self.status in verification.MAY_VERIFY,
            may_reject=self.status in verification.MAY_REJECT,
        )
        return context


class DecisionView(LetterAdminMixin, TemplateView):
    """POST only: verify or reject one endorsement, then back to the queue it was decided from."""

    http_method_names = ["post"]
    template_name = "letters/admin/queue.html"
    action = "verify"

    def post(self, request, *args, **kwargs):
        key = self.letter.translation_key
        endorsement = get_object_or_404(Endorsement, pk=self.kwargs["endorsement_id"], letter_key=key)
        back = self.queue_url(request.POST.get("status") or endorsement.status)
        if self.action == "verify":
            if verification.verify(endorsement.pk, request.user, key):
                messages.success(request, _("“%(name)s” is verified and listed.") % {"name": endorsement})
            else:
                messages.error(request, _("“%(name)s” cannot be verified in its current state.") % {"name": endorsement})
            return redirect(back)
        if self.action == "reject_duplicate":
            original = endorsement.duplicate_of
            reason = _("Duplicate of “%(name)s”.") % {"name": original} if original else _("Duplicate.")
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give a reason to reject “%(name)s”.") % {"name": endorsement})
                return redirect(back)
            reason = form.cleaned_data["reason"]
        if verification.reject(endorsement.pk, request.user, key, reason):
            messages.success(request, _("“%(name)s” is rejected.") % {"name": endorsement})
        else:
            messages.error(request, _("“%(name)s” cannot be rejected in its current state.") % {"name": endorsement})
        return redirect(back)


class ExportView(LetterAdminMixin, TemplateView):
    """GET: the delivery kit's options. POST: the PDF or CSV, logged."""

    template_name = "letters/admin/export.html"

    def get_page_title(self):
        return _("Delivery kit")

    def form(self, data=None):
        return ExportForm(data, contacts_allowed=can_see_contacts(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context["verified"] = exports.verified(self.letter).count()
        context["translations"] = [
            page for page in SignOnLetterPage.objects.filter(translation_key=self.letter.translation_key)
            .select_related("locale").exclude(pk=self.letter.pk)
        ]
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if form.cleaned_data["format"] == "csv":
            with_contacts = form.cleaned_data.get("with_contacts", False) and can_see_contacts(request.user)
            filename, content = exports.export_csv(self.letter, request.user, with_contacts=with_contacts)
            content_type = "text/csv; charset=utf-8"
        else:
            filename, content = exports.export_pdf(self.letter, request.user)
            content_type = "application/pdf"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
