"""Petition pages, their signatures, the emails sent to signers and the signature tallies.

A petition and its translations share one Wagtail ``translation_key``; signatures,
the one-per-email rule and the tally are keyed on it, so a supporter who signs
the Spanish page and then the English one is still one signature.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from nnirr_site.core.models import BasePage
from supporter_actions.export_log import ExportLogEntry
from supporter_actions.outbox import OutboxEmail
from supporter_actions.page_routes import handler
from supporter_actions.route_slugs import TranslatedRouteSlugsMixin

# At most this many emails ever go to one signature (confirmation plus "already signed" notes).
MAX_EMAILS_PER_SIGNATURE = 5


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


def open_petitions_filter(now):
    """Petitions that take signatures at ``now``: no deadline, or a deadline still ahead."""
    return Q(deadline__isnull=True) | Q(deadline__gt=now)


class PetitionIndexPage(BasePage):
    """Under home (slug ``petitions``): lists every petition in its language, open ones first.

    Petitions usually sit under their campaign; a petition without a campaign sits here.
    The listing gathers both, so ``/petitions/`` is the one place to find them all.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["petitions.PetitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("petition index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        petitions = PetitionPage.objects.live().public().filter(locale_id=self.locale_id).select_related("listing_image")
        now = timezone.now()
        context["open_petitions"] = petitions.filter(open_petitions_filter(now)).order_by(
            models.F("deadline").asc(nulls_last=True), "-first_published_at"
        )
        context["closed_petitions"] = petitions.exclude(open_petitions_filter(now)).order_by("-deadline")
        return context


class PetitionPage(TranslatedRouteSlugsMixin, RoutablePageMixin, BasePage):
    """Under a campaign page or the petition index: one petition with its signing form and progress."""

    addressee = models.CharField(
        _("to"), max_length=200, help_text=_("Who the petition is addressed to, e.g. “President of the United States”.")
    )
    ask = RichTextField(
        _("the ask"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the petition asks for, in the words supporters sign."),
    )
    signature_goal = models.PositiveIntegerField(
        _("signature goal"), default=1000, help_text=_("The number of signatures the progress bar aims for.")
    )
    deadline = models.DateTimeField(
        _("deadline"), null=True, blank=True, help_text=_("After this moment the form is replaced by a closed notice.")
    )
    ask_postal_code = models.BooleanField(_("ask for a ZIP or postal code"), default=True)
    ask_country = models.BooleanField(_("ask for the country"), default=True)
    ask_comment = models.BooleanField(
        _("ask for a comment"), default=False, help_text=_("Comments are never shown publicly.")
    )
    show_signers = models.BooleanField(
        _("show recent signers"),
        default=True,
        help_text=_(
            "List supporters who ticked “show my name”: first name, last initial and country only. "
            "Also offers them that tick box."
        ),
    )
    count_without_confirmation = models.BooleanField(
        _("count signatures without email confirmation"),
        default=False,
        help_text=_("Leave off: without confirmation anyone can add signatures in other people's names."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"], help_text=_("Shown after signing.")
    )
    share_text = models.TextField(
        _("share text"),
        blank=True,
        max_length=280,
        help_text=_("A short message supporters can share by email or messaging apps, without the link."),
    )
    offline_signatures = models.PositiveIntegerField(
        _("offline signatures"),
        default=0,
        help_text=_("Paper or event signatures counted by staff; added to the total shown."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Los_Angeles",
        validators=[validate_time_zone],
        help_text=_("Dates in signature exports are given in this time zone."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("addressee"),
        FieldPanel("ask"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signature_goal"), FieldPanel("offline_signatures")]),
                FieldPanel("deadline"),
                FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
            ],
            heading=_("Goal, paper signatures and deadline"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ask_postal_code"),
                FieldPanel("ask_country"),
                FieldPanel("ask_comment"),
                FieldPanel("show_signers"),
                FieldPanel("count_without_confirmation"),
            ],
            heading=_("Form"),
        ),
        FieldPanel("thank_you_text"),
        FieldPanel("share_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("addressee"), index.SearchField("ask")]
    parent_page_types = ["campaigns.CampaignPage", "petitions.PetitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("petition page")

    # Routes: the page itself (form on GET, signing on POST), the thank-you page, confirmation, withdrawal.
    # Answered by views.py and withdrawal.py, registered by name (supporter_actions/page_routes.py).
    @path("")
    def petition(self, request):
        return handler("petitions.page")(request, self)

    @path("thanks/")
    def thanks(self, request):
        return handler("petitions.thanks")(request, self)

    @path("confirm/<str:token>/")
    def confirm(self, request, token):
        return handler("petitions.confirm")(request, self, token)

    @path("withdraw/<str:token>/")
    def withdraw(self, request, token):
        return handler("petitions.withdraw")(request, self, token)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stats"] = self.get_stats()
        context["recent_signers"] = self.get_recent_signers()
        context["closed"] = self.is_closed
        return context

    @property
    def is_closed(self):
        return self.deadline is not None and timezone.now() >= self.deadline

    def get_stats(self):
        """Counted signatures, paper ones, their total, the goal and the next milestone (``signing.petition_stats``)."""
        return handler("petitions.stats")(self)

    def get_recent_signers(self, limit=10):
        """The latest counted signers who agreed to be listed (first name, last initial, country)."""
        if not self.show_signers:
            return []
        return list(
            Signature.objects.filter(petition_key=self.translation_key, show_name=True, counted_at__isnull=False)
            .order_by("-counted_at")
            .only("first_name", "last_name", "country")[:limit]
        )


class FlagReason(models.TextChoices):
    """Why a stored signature is not counted until staff look at it."""

    NONE = "", _("not flagged")
    RATE_LIMITED = "rate_limited", _("too many signatures from one address")


class Signature(models.Model):
    """One supporter's signature of a petition (in any of its languages): personal data, kept minimal."""

    petition = models.ForeignKey(
        PetitionPage, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="signatures"
    )
    petition_key = models.UUIDField(
        _("petition key"), editable=False, help_text=_("The petition's translation key, shared by its translations.")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    email_normalized = models.CharField(_("normalised email"), max_length=254, editable=False)
    postal_code = models.CharField(_("ZIP or postal code"), max_length=20, blank=True)
    country = CountryField(_("country"), blank=True)
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    privacy_notice_version = models.CharField(_("privacy notice version agreed to"), max_length=20)
    opt_in_news = models.BooleanField(_("wants news from the network"), default=False)
    show_name = models.BooleanField(_("agreed to be listed"), default=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    ip_hash = models.CharField(
        _("keyed hash of the IP address"), max_length=64, blank=True, editable=False, help_text=_("For rate limits.")
    )
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    counted_at = models.DateTimeField(_("counted since"), null=True, blank=True)
    flag = models.CharField(_("flag"), max_length=20, choices=FlagReason.choices, default="", blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    emails_count = models.PositiveSmallIntegerField(
        _("emails sent or queued"), default=0, help_text=_("Never more than %(max)s.") % {"max": MAX_EMAILS_PER_SIGNATURE}
    )
    anonymised_at = models.DateTimeField(
        _("anonymized at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When name, email, postal code and comment were removed after the petition closed."),
    )

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [("view_signature_data", _("Can see and export signers' personal data"))]
        constraints = [
            models.UniqueConstraint(
                fields=["petition_key", "email_normalized"], name="petitions_one_signature_per_email"
            ),
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="petitions_unique_token_hash"
            ),
            models.CheckConstraint(
                condition=Q(emails_count__lte=MAX_EMAILS_PER_SIGNATURE), name="petitions_at_most_five_emails"
            ),
        ]
        indexes = [
            models.Index(
                fields=["petition_key", "-counted_at"],
                condition=Q(show_name=True, counted_at__isnull=False),
                name="petitions_recent_listed",
            ),
            models.Index(fields=["petition_key", "ip_hash", "created_at"], name="petitions_rate_limit"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name[:1]}."

    @property
    def public_name(self):
        """First name and last initial: all that is ever shown publicly."""
        initial = self.last_name.strip()[:1].upper()
        return f"{self.first_name.strip()} {initial}." if initial else self.first_name.strip()


class EmailKind(models.TextChoices):
    CONFIRM = "confirm", _("confirm your signature")
    ALREADY_SIGNED = "already_signed", _("you have already signed")


class SignatureEmail(OutboxEmail):
    """One email to a signer, queued with the signature and marked sent once, so a retry never sends twice."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=EmailKind.choices)

    class Meta:
        verbose_name = _("signature email")
        verbose_name_plural = _("signature emails")


# Confirmations add to one of this many rows per petition, picked at random: with a single row,
# every confirming transaction queued behind the one holding its lock.
TALLY_SHARDS = 8


class TallyShard(models.Model):
    """A part of the counted-signature total of one petition (all its translations); the total is their sum.

    Each counting transaction adds to one shard, so simultaneous confirmations
    rarely wait for each other's row lock; recounting locks every shard. It lives
    outside the page row on purpose: publishing a page revision writes every page
    column, and would overwrite a counter kept there with a stale value.
    """

    petition_key = models.UUIDField()
    shard = models.PositiveSmallIntegerField()
    # Removals subtract from any shard, so one shard may go below zero; the sum never does.
    counted = models.IntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("petition tally shard")
        verbose_name_plural = _("petition tally shards")
        constraints = [models.UniqueConstraint(fields=["petition_key", "shard"], name="petitions_one_row_per_shard")]


class SignatureExport(ExportLogEntry):
    """One CSV export of a petition's signatures: who, when, which filters, how many rows. Never changed.

    The row is written in the export's request before the file is handed over;
    the write-once rule and the read-only admin are the core's (``supporter_actions.export_log``).
    """

    petition = models.ForeignKey(
        PetitionPage, verbose_name=_("petition"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    petition_key = models.UUIDField(_("petition key"))
    petition_title = models.CharField(_("petition title"), max_length=255)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    with_emails = models.CharField(_("email addresses"), max_length=20)

    class Meta(ExportLogEntry.Meta):
        verbose_name = _("signature export")
        verbose_name_plural = _("signature export log")

    def __str__(self):
        return f"{self.petition_title} · {self.username} · {self.created_at:%Y-%m-%d %H:%M}"

    def filters_summary(self):
        """For example "Signed from Nov 1, 2026 to any date; only signers who want news; their email addresses"."""
        filters = self.filters or {}
        start, end = (_readable_date(filters.get(name)) for name in ("date_from", "date_to"))
        if start and end:
            parts = [_("Signed from %(start)s to %(end)s") % {"start": start, "end": end}]
        elif start:
            parts = [_("Signed from %(start)s on") % {"start": start}]
        elif end:
            parts = [_("Signed until %(end)s") % {"end": end}]
        else:
            parts = [_("All dates")]
        parts.append(_("only signers who want news") if filters.get("opted_in_only") else _("every signer"))
        parts.append(EMAIL_COLUMN_LABELS.get(self.with_emails, self.with_emails))
        return "; ".join(str(part) for part in parts)

    filters_summary.short_description = _("what was exported")


# Whose email addresses an export held (``exports.EmailColumn`` values), as staff read it.
EMAIL_COLUMN_LABELS = {
    "none": _("no email addresses"),
    "opted_in": _("email addresses of signers who want news"),
    "all": _("every email address"),
}


def _readable_date(value):
    """An ISO date from the stored filters, in the admin's date format; empty for none."""
    import datetime

    from django.utils.formats import date_format

    if not value:
        return ""
    try:
        return date_format(datetime.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)

