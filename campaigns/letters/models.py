"""Sign-on letter pages, the organizations and people who endorse them, and the emails sent to them.

A letter and its translations share one Wagtail ``translation_key``; endorsements, the
duplicate rules and the counts are keyed on it (``letter_key``), so an organization that signs
the Spanish page and then the English one is one endorsement (the second held as a duplicate).

Contact persons, their emails and phones are personal data: they are never shown publicly.
Only endorsements staff have verified appear on the letter page.
"""

from django.conf import settings
from django.db import models
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
from supporter_actions.outbox import OutboxEmail
from supporter_actions.page_routes import handler
from supporter_actions.route_slugs import TranslatedRouteSlugsMixin

# At most this many emails ever go to one endorsement or signer (confirmation, "listed", repeats).
MAX_EMAILS_PER_SIGNER = 5


class StatementIndexPage(BasePage):
    """Under home (slug ``statements``): lists the sign-on letters and statements that do not sit under a campaign."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["letters.SignOnLetterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statement index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = (
            SignOnLetterPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-first_published_at")
        )
        return context


class DeliveryStatus(models.TextChoices):
    OPEN = "open", _("open for signatures")
    CLOSED = "closed", _("closed")
    DELIVERED = "delivered", _("delivered")


class SignOnLetterPage(TranslatedRouteSlugsMixin, RoutablePageMixin, BasePage):
    """Under a campaign page or the statement index: one letter, its sign-on forms and its verified signatories."""

    addressee = models.CharField(
        _("addressed to"),
        max_length=200,
        help_text=_("Who the letter is addressed to, e.g. “Members of the United States Senate”."),
    )
    letter_text = RichTextField(
        _("letter text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("The full text organizations sign. Do not change its meaning once organizations have signed."),
    )
    deadline = models.DateTimeField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("After this moment the forms are replaced by a closed notice. Leave empty for no deadline."),
    )
    organization_goal = models.PositiveIntegerField(
        _("organization goal"), default=100, help_text=_("How many organizations the campaign aims for.")
    )
    allow_individuals = models.BooleanField(
        _("individuals may also sign"),
        default=False,
        help_text=_("Offer a second, shorter form for people signing in their own name. They are counted, not listed."),
    )
    delivery_status = models.CharField(
        _("delivery status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.OPEN,
        help_text=_("“Closed” and “delivered” stop new signatures whatever the deadline says."),
    )
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivery_note = models.TextField(
        _("delivery note"),
        blank=True,
        max_length=1000,
        help_text=_("Shown on the page once delivered: to whom, where, and what happened."),
    )
    delivery_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("delivery photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivery_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("delivery document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The letter as delivered (PDF), if you want to publish it."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after the sign-on form is sent, before the email is confirmed."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("addressee"),
        FieldPanel("letter_text"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("organization_goal"), FieldPanel("deadline")]),
                FieldPanel("allow_individuals"),
            ],
            heading=_("Goal, deadline and form"),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("delivery_status"), FieldPanel("delivered_on")]),
                FieldPanel("delivery_note"),
                FieldPanel("delivery_image"),
                FieldPanel("delivery_document"),
            ],
            heading=_("Delivery"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("addressee"), index.SearchField("letter_text")]
    parent_page_types = ["campaigns.CampaignPage", "letters.StatementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sign-on letter page")

    # Routes: the page (organization form on GET, sign-on on POST), the individual form, thanks, confirmation.
    # The views import this module; they register what answers each route by name
    # (supporter_actions/page_routes.py), so this module never imports them.
    @path("")
    def letter(self, request):
        return handler("letters.page")(request, self)

    @path("individual/")
    def individual(self, request):
        return handler("letters.individual")(request, self)

    @path("thanks/")
    def thanks(self, request):
        return handler("letters.thanks")(request, self)

    @path("confirm/<str:token>/")
    def confirm(self, request, token):
        return handler("letters.confirm")(request, self, token)

    @property
    def is_closed(self):
        if self.delivery_status != DeliveryStatus.OPEN:
            return True
        return self.deadline is not None and timezone.now() >= self.deadline


class OrganizationKind(models.TextChoices):
    LOCAL_COALITION = "local_coalition", _("local coalition")
    COMMUNITY = "community", _("community group")
    FAITH = "faith", _("faith")
    LABOR = "labor", _("labor")
    LEGAL_SERVICES = "legal_services", _("legal services")
    ADVOCACY = "advocacy", _("advocacy")
    ACADEMIC = "academic", _("academic")
    BUSINESS = "business", _("business")
    OTHER = "other", _("other")


class EndorsementStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("awaiting email confirmation")
    PENDING = "pending", _("pending verification")
    VERIFIED = "verified", _("verified")
    REJECTED = "rejected", _("rejected")
    DUPLICATE = "duplicate", _("probable duplicate")


class Endorsement(models.Model):
    """One organization's sign-on to a letter (in any of its languages), with a contact person never shown publicly."""

    letter = models.ForeignKey(
        SignOnLetterPage, verbose_name=_("letter"), on_delete=models.CASCADE, related_name="endorsements"
    )
    letter_key = models.UUIDField(
        _("letter key"), editable=False, help_text=_("The letter's translation key, shared by its translations.")
    )
    organization_name = models.CharField(_("organization name"), max_length=200)
    name_key = models.CharField(
        _("normalized name"),
        max_length=200,
        editable=False,
        help_text=_("The name without case, punctuation or a leading “the”, to find duplicates."),
    )
    kind = models.CharField(_("kind of organization"), max_length=20, choices=OrganizationKind.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state or region"), max_length=100, blank=True)
    country = CountryField(_("country"), default="US")
    website = models.URLField(_("website"), max_length=300, blank=True)
    website_domain = models.CharField(
        _("website domain"), max_length=255, blank=True, editable=False, help_text=_("The host without “www.”.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_title = models.CharField(_("contact title"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), max_length=254)
    contact_email_key = models.CharField(_("contact email key"), max_length=254, editable=False)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    authorized = models.BooleanField(_("contact is authorized to sign"), default=False)
    consent_text = models.TextField(_("consent wording shown"))
    consent_version = models.CharField(_("consent version"), max_length=20)
    opt_in_news = models.BooleanField(
        _("asked for news"), default=False,
        help_text=_("Asked to join the email list; they join only through the list's own confirmation email."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    ip_hash = models.CharField(
        _("keyed hash of the IP address"), max_length=64, blank=True, editable=False, help_text=_("For rate limits.")
    )
    flagged = models.BooleanField(
        _("flagged"), default=False, help_text=_("Sent from an address that sent many sign-ons in a short time.")
    )
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=25,
        choices=EndorsementStatus.choices,
        default=EndorsementStatus.AWAITING_CONFIRMATION,
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("probable duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by_name = models.CharField(
        _("decided by (name)"), max_length=150, blank=True, help_text=_("Kept if the account is deleted.")
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True, max_length=1000)
    emails_count = models.PositiveSmallIntegerField(_("emails sent or queued"), default=0)
    anonymised_at = models.DateTimeField(_("contact details removed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        permissions = [
            ("verify_endorsement", _("Can verify sign-on endorsements")),
            ("view_endorsement_contacts", _("Can see endorsement contact details")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="letters_endorsement_unique_token_hash"
            ),
            models.CheckConstraint(
                condition=Q(emails_count__lte=MAX_EMAILS_PER_SIGNER), name="letters_endorsement_at_most_five_emails"
            ),
        ]
        indexes = [
            models.Index(fields=["letter_key", "status", "state"], name="letters_endorsement_listing"),
            models.Index(fields=["letter_key", "ip_hash", "created_at"], name="letters_endorsement_rate_limit"),
            models.Index(fields=["letter_key", "name_key"], name="letters_endorsement_name"),
            models.Index(fields=["letter_key", "website_domain"], name="letters_endorsement_domain"),
        ]

    def __str__(self):
        return self.organization_name


class IndividualSigner(models.Model):
    """One person who added their own name to a letter that allows it: counted once confirmed, never listed."""

    letter = models.ForeignKey(
        SignOnLetterPage, verbose_name=_("letter"), on_delete=models.CASCADE, related_name="individual_signers"
    )
    letter_key = models.UUIDField(_("letter key"), editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state or region"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    email_key = models.CharField(_("email key"), max_length=254, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    ip_hash = models.CharField(_("keyed hash of the IP address"), max_length=64, blank=True, editable=False)
    flagged = models.BooleanField(_("flagged"), default=False)
    consent_version = models.CharField(_("consent version"), max_length=20)
    opt_in_news = models.BooleanField(
        _("asked for news"), default=False,
        help_text=_("Asked to join the email list; they join only through the list's own confirmation email."),
    )
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    emails_count = models.PositiveSmallIntegerField(_("emails sent or queued"), default=0)
    anonymised_at = models.DateTimeField(_("anonymized at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("individual signer")
        verbose_name_plural = _("individual signers")
        constraints = [
            models.UniqueConstraint(fields=["letter_key", "email_key"], name="letters_one_individual_per_email"),
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="letters_individual_unique_token_hash"
            ),
            models.CheckConstraint(
                condition=Q(emails_count__lte=MAX_EMAILS_PER_SIGNER), name="letters_individual_at_most_five_emails"
            ),
        ]
        indexes = [
            models.Index(fields=["letter_key", "ip_hash", "created_at"], name="letters_individual_rate_limit"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name[:1]}."


class LetterEmailKind(models.TextChoices):
    CONFIRM = "confirm", _("confirm your sign-on")
    LISTED = "listed", _("your organization is listed")
    ALREADY_SIGNED = "already_signed", _("you have already signed")


class LetterEmail(OutboxEmail):
    """One email to an organization's contact or an individual, queued with its row and marked sent once.

    Exactly one of ``endorsement`` and ``individual`` is set. The sending rule is the core's
    (``supporter_actions.outbox``): the worker sends only a row whose ``sent_at`` and ``failed_at``
    are empty, under a row lock, so a retried task never sends twice.
    """

    endorsement = models.ForeignKey(
        Endorsement, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    individual = models.ForeignKey(
        IndividualSigner, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(max_length=20, choices=LetterEmailKind.choices)

    class Meta:
        verbose_name = _("letter email")
        verbose_name_plural = _("letter emails")
        constraints = [
            models.CheckConstraint(
                condition=(Q(endorsement__isnull=False, individual__isnull=True))
                | (Q(endorsement__isnull=True, individual__isnull=False)),
                name="letters_email_one_recipient",
            )
        ]


# The export log is a model module of its own; importing it here registers it with the app.
from campaigns.letters.export_log import ExportFormat, LetterExport  # noqa: E402,F401
