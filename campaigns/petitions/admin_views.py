"""Staff views in the Wagtail admin: petition totals for every editor, signers' data only with permission.

Every admin user sees the overview of petitions with their counts per state.
Everything that shows or changes a signer's personal data — the listing,
a signature's detail, deletion, flag review, bulk invalidation and the CSV
export — needs ``petitions.view_signature_data`` (held by the "Petition data"
group); without it these views answer 403. Changes to signatures go through
``removal``, which keeps the petition's tally exact in the same transaction.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from campaigns.petitions import exports, removal
from campaigns.petitions.models import PetitionPage, Signature
from campaigns.petitions.queries import (
    State,
    email_undeliverable,
    filter_signatures,
    invalidation_queryset,
    petition_zone,
    state_totals,
)
from nnirr_site.core.views import paginate

DATA_PERMISSION = "petitions.view_signature_data"
PER_PAGE = 50


def can_see_signature_data(user):
    return user.is_active and user.has_perm(DATA_PERMISSION)


class DateInput(forms.DateInput):
    input_type = "date"


STATE_CHOICES = [
    ("", gettext_lazy("All")),
    (State.COUNTED, gettext_lazy("Confirmed and counted")),
    (State.PENDING, gettext_lazy("Waiting for confirmation")),
    (State.FLAGGED, gettext_lazy("Flagged")),
]


class DateRangeForm(forms.Form):
    date_from = forms.DateField(label=gettext_lazy("Signed from"), required=False, widget=DateInput)
    date_to = forms.DateField(label=gettext_lazy("Signed until"), required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


class SignatureFilterForm(DateRangeForm):
    q = forms.CharField(label=gettext_lazy("Search by name or email"), required=False, max_length=100)
    state = forms.ChoiceField(label=gettext_lazy("State"), choices=STATE_CHOICES, required=False)
    opted_in = forms.BooleanField(label=gettext_lazy("Only those who want news"), required=False)
    undeliverable = forms.BooleanField(label=gettext_lazy("Only those whose email could not be delivered"),
                                       required=False)
    field_order = ["q", "state", "date_from", "date_to", "opted_in", "undeliverable"]


class ExportForm(DateRangeForm):
    opted_in_only = forms.BooleanField(label=gettext_lazy("Only those who want news"), required=False)
    emails = forms.ChoiceField(
        label=gettext_lazy("Email addresses"),
        choices=[
            (exports.EmailColumn.OPTED_IN, gettext_lazy("Only of signers who asked for news from the network")),
            (exports.EmailColumn.NONE, gettext_lazy("None")),
            (exports.EmailColumn.ALL, gettext_lazy("All, including signers who did not ask for news")),
        ],
        initial=exports.EmailColumn.OPTED_IN,
        widget=forms.RadioSelect,
    )


class InvalidationForm(DateRangeForm):
    ip_hash = forms.RegexField(
        label=gettext_lazy("Address hash"),
        regex=r"^\s*[0-9a-fA-F]{64}\s*$",
        required=False,
        help_text=gettext_lazy("The 64-character hash shown on a signature's page."),
    )
    email_domain = forms.RegexField(
        label=gettext_lazy("Email domain"),
        regex=r"^\s*@?[\w.-]+\.[\w-]+\s*$",
        required=False,
        help_text=gettext_lazy("For example: spam.example"),
    )
    up_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    expected = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("date_from", "date_to", "ip_hash", "email_domain")):
            raise forms.ValidationError(_("Give at least one criterion: a date, an address hash or an email domain."))
        return data

    def criteria(self):
        data = self.cleaned_data
        return {name: data.get(name) for name in ("date_from", "date_to", "ip_hash", "email_domain")}


class PetitionAdminMixin(WagtailAdminTemplateMixin):
    """Loads the petition from the URL and checks the data permission (unless ``counts_only``)."""

    counts_only = False
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not self.counts_only and not can_see_signature_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def petition(self):
        return get_object_or_404(PetitionPage.objects.select_related("locale"), pk=self.kwargs["page_id"])

    @cached_property
    def zone(self):
        return petition_zone(self.petition)

    def listing_url(self):
        return reverse("petitions_admin:signatures", args=[self.petition.pk])

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("petitions_admin:index"), "label": _("Petition signatures")}]
        if "page_id" in self.kwargs:
            items.append({"url": self.listing_url(), "label": self.petition.title})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "page_id" in self.kwargs:
            context["petition"] = self.petition
            context["zone"] = self.zone
        return context


class PetitionIndexView(PetitionAdminMixin, TemplateView):
    """Every petition with its counts per state: open to all admin users, shows no personal data."""

    counts_only = True
    template_name = "petitions/admin/index.html"
    page_title = gettext_lazy("Petition signatures")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default_locale = Locale.get_default()
        petitions = {}
        for page in PetitionPage.objects.select_related("locale").order_by("-first_published_at", "pk"):
            if page.translation_key not in petitions or page.locale_id == default_locale.pk:
                petitions[page.translation_key] = page
        totals = state_totals(petitions.keys())
        tallies = removal.tally_counts(petitions.keys())
        context["petitions"] = [
            {
                "page": page,
                "totals": totals[key],
                "tally": tallies.get(key, 0),
                "total_shown": tallies.get(key, 0) + page.offline_signatures,
            }
            for key, page in petitions.items()
        ]
        context["can_see_data"] = can_see_signature_data(self.request.user)
        return context


class SignatureListView(PetitionAdminMixin, TemplateView):
    """One petition's signatures with filters, search and totals per state."""

    template_name = "petitions/admin/signatures.html"

    def get_page_title(self):
        return _("Signatures")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SignatureFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        base = Signature.objects.filter(petition_key=self.petition.translation_key)
        signatures = filter_signatures(
            base,
            self.zone,
            state=filters.get("state", ""),
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
            opted_in=filters.get("opted_in", False),
            search=filters.get("q", ""),
            undeliverable=filters.get("undeliverable", False),
        ).annotate(email_undeliverable=email_undeliverable()).order_by("-created_at", "-pk")
        context.update(
            form=form,
            totals=state_totals([self.petition.translation_key])[self.petition.translation_key],
            tally=removal.tally_counts([self.petition.translation_key]).get(self.petition.translation_key, 0),
            page_obj=paginate(self.request, signatures, PER_PAGE),
        )
        return context


class SignatureMixin(PetitionAdminMixin):
    @cached_property
    def signature(self):
        return get_object_or_404(
            Signature.objects.annotate(email_undeliverable=email_undeliverable()),
            pk=self.kwargs["signature_id"],
            petition_key=self.petition.translation_key,
        )


class SignatureDetailView(SignatureMixin, TemplateView):
    template_name = "petitions/admin/signature.html"

    def get_page_title(self):
        return _("Signature")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signature"] = self.signature
        context["emails"] = self.signature.emails.order_by("created_at", "pk")
        context["flagged"] = self.signature.counted_at is None and bool(self.signature.flag)
        return context


class SignatureDeleteView(SignatureMixin, TemplateView):
    """GET asks, POST deletes the signature and lowers the count if it was counted."""

    template_name = "petitions/admin/confirm_delete.html"

    def get_page_title(self):
        return _("Delete signature")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signature"] = self.signature
        return context

    def post(self, request, *args, **kwargs):
        if removal.delete_signature(self.signature.pk, petition_key=self.petition.translation_key):
            messages.success(request, _("The signature has been deleted."))
        return redirect(self.listing_url())


class SignatureReviewView(SignatureMixin, TemplateView):
    """POST only: approve (count) or reject (delete) a flagged signature."""

    http_method_names = ["post"]
    action = "approve"

    def post(self, request, *args, **kwargs):
        key = self.petition.translation_key
        if self.action == "approve":
            if removal.approve_signature(self.signature.pk, key):
                messages.success(request, _("The signature is approved and counted."))
            return redirect(reverse("petitions_admin:signature", args=[self.petition.pk, self.signature.pk]))
        if removal.reject_signature(self.signature.pk, key):
            messages.success(request, _("The flagged signature has been rejected and deleted."))
        return redirect(self.listing_url() + "?state=" + State.FLAGGED)


class ExportView(PetitionAdminMixin, TemplateView):
    """GET: the export's options. POST: the CSV, logged."""

    template_name = "petitions/admin/export.html"

    def get_page_title(self):
        return _("Export signatures")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ExportForm())
        context["counted"] = exports.export_queryset(self.petition).count()
        return context

    def post(self, request, *args, **kwargs):
        form = ExportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        filters = {name: form.cleaned_data[name] for name in ("date_from", "date_to", "opted_in_only")}
        filename, content = exports.export_csv(self.petition, request.user, filters, form.cleaned_data["emails"])
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class InvalidateView(PetitionAdminMixin, TemplateView):
    """Bulk invalidation in two steps: GET shows how many signatures match, the confirming POST deletes them.

    The preview fixes the highest signature id it saw, so signatures arriving
    later are not swept up; the POST deletes only if the same number still
    matches, otherwise it shows the new count to confirm again.
    """

    template_name = "petitions/admin/invalidate.html"

    def get_page_title(self):
        return _("Invalidate signatures in bulk")

    def matching(self, form, up_to):
        return invalidation_queryset(self.petition.translation_key, self.zone, up_to_pk=up_to, **form.criteria())

    def preview(self, form, changed=False):
        up_to = form.cleaned_data.get("up_to")
        if up_to is None:
            up_to = Signature.objects.aggregate(last=Max("pk"))["last"] or 0
        queryset = self.matching(form, up_to)
        count = queryset.count()
        counted = queryset.filter(counted_at__isnull=False).count()
        confirm = InvalidationForm(initial={**form.criteria(), "up_to": up_to, "expected": count})
        return self.render_to_response(
            self.get_context_data(form=form, confirm_form=confirm, count=count, counted=counted, changed=changed)
        )

    def get(self, request, *args, **kwargs):
        if "preview" in request.GET:
            form = InvalidationForm(request.GET)
            if form.is_valid():
                return self.preview(form)
        else:
            form = InvalidationForm()
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = InvalidationForm(request.POST)
        if not form.is_valid() or form.cleaned_data.get("expected") is None or form.cleaned_data.get("up_to") is None:
            return self.render_to_response(self.get_context_data(form=form))
        removed = removal.delete_signatures(
            self.matching(form, form.cleaned_data["up_to"]), expected=form.cleaned_data["expected"]
        )
        if removed is None:
            return self.preview(form, changed=True)
        message = ngettext(
            "%(count)s signature has been invalidated and deleted.",
            "%(count)s signatures have been invalidated and deleted.",
            removed,
        )
        messages.success(request, message % {"count": removed})
        return redirect(self.listing_url())
