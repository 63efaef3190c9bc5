"""The border services directory's data: services, their opening hours, and suggested corrections.

A service is a Wagtail **snippet** with translations (``TranslatableMixin``), not a page: the
directory lists, filters and counts up to thousands of services in a handful of flat queries on
one table, services are created in bulk from survey answers, and each one needs only a single
public page, which the directory page serves by slug (``services/pages.py``). Pages would add a
tree row, revisions and a URL path per service for nothing a visitor sees.

A service exists once per language (English and Spanish rows share a ``translation_key``), but
only its words differ between languages. Its facts — phone, address, coordinates, status,
categories, *whether its location is confidential* — are copied to every translation whenever
any translation is saved (``Service.save``), so a shelter marked confidential in English can never
still show its address in Spanish.

Nothing public reads these models directly: every page, the map, the exports, the feed, the
search and the sitemap go through ``services/disclosure.py``, which leaves out the address and
coordinates of confidential locations.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from services.fields import ChoiceArrayField

STALE_AFTER_DAYS = 180


class Category(models.TextChoices):
    LEGAL = "legal", _("Legal help")
    SHELTER = "shelter", _("Shelter")
    MEDICAL = "medical", _("Medical care")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    FOOD = "food", _("Food")
    WATER_AID = "water_aid", _("Water and humanitarian aid")
    ACCOMPANIMENT = "accompaniment", _("Accompaniment")
    DETENTION_VISITATION = "detention_visitation", _("Detention visitation")
    KNOW_YOUR_RIGHTS = "know_your_rights", _("Know your rights")
    TRANSPORTATION = "transportation", _("Transportation")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    """Languages a service's staff or volunteers speak (ISO 639 codes)."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    PORTUGUESE = "pt", _("Portuguese")
    FRENCH = "fr", _("French")
    MIXTEC = "mix", _("Mixtec")
    ZAPOTEC = "zap", _("Zapotec")
    KICHE = "quc", _("K’iche’")
    MAM = "mam", _("Mam")
    QEQCHI = "kek", _("Q’eqchi’")
    ARABIC = "ar", _("Arabic")
    RUSSIAN = "ru", _("Russian")
    SIGN = "ase", _("American Sign Language")


class Country(models.TextChoices):
    US = "US", _("United States")
    MX = "MX", _("Mexico")


class State(models.TextChoices):
    """US states and Mexican states along the border (ISO 3166-2 codes)."""

    CA = "US-CA", _("California")
    AZ = "US-AZ", _("Arizona")
    NM = "US-NM", _("New Mexico")
    TX = "US-TX", _("Texas")
    BCN = "MX-BCN", _("Baja California")
    SON = "MX-SON", _("Sonora")
    CHH = "MX-CHH", _("Chihuahua")
    COA = "MX-COA", _("Coahuila")
    NLE = "MX-NLE", _("Nuevo León")
    TAM = "MX-TAM", _("Tamaulipas")


def country_of(state):
    return state.split("-", 1)[0] if state else ""


# The usual time zone of each state; an editor changes it where a city differs (El Paso keeps Mountain time).
STATE_TIME_ZONES = {
    "US-CA": "America/Los_Angeles",
    "US-AZ": "America/Phoenix",
    "US-NM": "America/Denver",
    "US-TX": "America/Chicago",
    "MX-BCN": "America/Tijuana",
    "MX-SON": "America/Hermosillo",
    "MX-CHH": "America/Ciudad_Juarez",
    "MX-COA": "America/Matamoros",
    "MX-NLE": "America/Monterrey",
    "MX-TAM": "America/Matamoros",
}


class TimeZone(models.TextChoices):
    LOS_ANGELES = "America/Los_Angeles", _("Pacific (California)")
    TIJUANA = "America/Tijuana", _("Pacific (Baja California)")
    PHOENIX = "America/Phoenix", _("Arizona")
    HERMOSILLO = "America/Hermosillo", _("Sonora")
    DENVER = "America/Denver", _("Mountain (New Mexico, El Paso)")
    CIUDAD_JUAREZ = "America/Ciudad_Juarez", _("Ciudad Juárez")
    CHICAGO = "America/Chicago", _("Central (Texas)")
    MATAMOROS = "America/Matamoros", _("Northeast Mexico border (Coahuila, Tamaulipas)")
    MONTERREY = "America/Monterrey", _("Monterrey")


class Fees(models.TextChoices):
    FREE = "free", _("Free")
    SLIDING = "sliding", _("Sliding scale")
    COST = "cost", _("Costs money")


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("We do not know")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")
    CLOSED = "closed", _("Closed")


# Shown to the public: closed services stay in the admin (and in the survey's record) but leave the directory.
PUBLIC_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)

# The facts every translation of a service shares (copied on save); everything else is words.
SHARED_FACTS = (
    "slug", "categories", "languages", "interpretation_available", "no_documents_required", "fees",
    "phone", "email", "website", "address", "postal_code", "city", "state", "country", "latitude",
    "longitude", "address_confidential", "status", "asks_immigration_status", "shares_with_enforcement",
    "time_zone", "open_24_hours", "last_verified_on", "last_verified_by", "organization_name",
    "organization_name_language",
)


class Service(TranslatableMixin, index.Indexed, ClusterableModel):
    """One service a border community member can go to (a snippet; see the module docstring).

    Field names follow Open Referral's HSDS where HSDS has the concept, so the JSON export is
    close to a copy of the row.
    """

    # --- What it is ---------------------------------------------------------------------------
    name = models.CharField(_("name of the service"), max_length=200)
    slug = models.SlugField(
        _("address on the site"),
        max_length=100,
        allow_unicode=False,
        help_text=_("The last part of the service's web address, e.g. “casa-refugio-tijuana”. "
                    "The same in every language."),
    )
    organization_name = models.CharField(
        _("organization"), max_length=200, help_text=_("The organization that provides the service.")
    )
    # The name is the organization's own, the same in every translation (a shared fact), and often
    # Spanish on English pages: pages mark it with lang (see ``PublicService.organization_name_lang``).
    organization_name_language = models.CharField(
        _("language of the organization's name"),
        max_length=10,
        choices=[(code, label) for code, label in Language.choices if code != Language.SIGN],  # names are written
        blank=True,
        help_text=_("Lets browsers and screen readers pronounce the name right on pages in other languages, "
                    "e.g. Spanish for “Casa del Migrante”. Leave empty for the language of this entry."),
    )
    description = models.TextField(_("description"), max_length=2000)
    categories = ChoiceArrayField(
        models.CharField(max_length=30, choices=Category.choices), verbose_name=_("categories"), default=list
    )
    # --- Who can use it -----------------------------------------------------------------------
    languages = ChoiceArrayField(
        models.CharField(max_length=10, choices=Language.choices),
        verbose_name=_("languages spoken"),
        default=list,
        blank=True,
    )
    interpretation_available = models.BooleanField(
        _("interpretation available"), default=False, help_text=_("Interpreters for other languages on request.")
    )
    eligibility = models.TextField(
        _("who can use it"), blank=True, max_length=1000, help_text=_("Leave empty if anyone can.")
    )
    no_documents_required = models.BooleanField(
        _("no documents required"), default=False, help_text=_("Tick when people need no papers at all.")
    )
    documents_required = models.TextField(
        _("documents required"), blank=True, max_length=1000,
        help_text=_("What to bring, if anything is asked for."),
    )
    fees = models.CharField(_("fees"), max_length=10, choices=Fees.choices, default=Fees.FREE)
    fees_note = models.CharField(_("about the fees"), max_length=300, blank=True)
    asks_immigration_status = models.CharField(
        _("asks about immigration status"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
        help_text=_("Shown prominently: it decides whether people dare to go."),
    )
    shares_with_enforcement = models.CharField(
        _("shares information with immigration enforcement"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
        help_text=_("Shown prominently: it decides whether people dare to go."),
    )
    # --- When ---------------------------------------------------------------------------------
    status = models.CharField(_("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    hours_note = models.CharField(
        _("about the hours"), max_length=300, blank=True,
        help_text=_("E.g. “Call before coming” or “Closed on public holidays”."),
    )
    open_24_hours = models.BooleanField(_("open 24 hours, every day"), default=False)
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TimeZone.choices, blank=True,
        help_text=_("For “open now”. Leave empty to use the state's usual time zone."),
    )
    # --- How to reach it ----------------------------------------------------------------------
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(
        _("street address"), max_length=200, blank=True,
        help_text=_("Never shown publicly when the location is confidential."),
    )
    postal_code = models.CharField(_("ZIP or postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, editable=False)
    service_area = models.CharField(
        _("service area"), max_length=300, blank=True, help_text=_("Where it serves people, e.g. “Ambos Nogales”.")
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Never shown publicly when the location is confidential."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    address_confidential = models.BooleanField(
        _("confidential location"),
        default=False,
        help_text=_("A shelter or safe house: the site, map, exports and feeds show only the city and the phone, "
                    "never the address or exact coordinates."),
    )
    # --- Freshness ----------------------------------------------------------------------------
    last_verified_on = models.DateField(
        _("last checked on"), null=True, blank=True,
        help_text=_("The day someone confirmed this information with the organization."),
    )
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("organization_name"),
             FieldPanel("organization_name_language"), FieldPanel("description"),
             FieldPanel("categories"), FieldPanel("status")],
            heading=_("The service"),
        ),
        MultiFieldPanel(
            [FieldPanel("asks_immigration_status"), FieldPanel("shares_with_enforcement")],
            heading=_("Safety"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("interpretation_available"), FieldPanel("eligibility"),
             FieldRowPanel([FieldPanel("fees"), FieldPanel("fees_note")]),
             FieldPanel("no_documents_required"), FieldPanel("documents_required")],
            heading=_("Who can use it"),
        ),
        MultiFieldPanel(
            [FieldPanel("open_24_hours"), InlinePanel("hours", label=_("Opening hours")), FieldPanel("hours_note"),
             FieldPanel("time_zone")],
            heading=_("Hours"),
        ),
        MultiFieldPanel(
            [FieldPanel("address_confidential"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("website"),
             FieldPanel("address"), FieldRowPanel([FieldPanel("city"), FieldPanel("postal_code")]),
             FieldPanel("state"), FieldPanel("service_area"),
             FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location and contact"),
        ),
        MultiFieldPanel([FieldPanel("last_verified_on")], heading=_("Freshness")),
    ]

    # wagtail-localize: translators see only the words; every fact is synchronized from the source.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("eligibility"),
        TranslatableField("documents_required"),
        TranslatableField("fees_note"),
        TranslatableField("hours_note"),
        TranslatableField("service_area"),
        *[SynchronizedField(name) for name in SHARED_FACTS if name != "last_verified_by"],
        SynchronizedField("last_verified_by"),
        SynchronizedField("hours"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("organization_name"),
        index.SearchField("city"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
        index.FilterField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("border service")
        verbose_name_plural = _("border services")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="services_unique_slug_per_locale"),
        ]
        indexes = [models.Index(fields=["locale", "status", "state", "city"], name="services_listing")]

    def __str__(self):
        return f"{self.name} — {self.city}"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
        if self.state and not self.time_zone:
            self.time_zone = STATE_TIME_ZONES.get(self.state, "")

    def save(self, *args, **kwargs):
        """Save, sharing the facts with every other translation (see the module docstring).

        A new translation takes its facts and hours from an existing one; saving any translation
        afterwards copies its facts and hours to all the others.
        """
        source = None
        if self._state.adding and self.translation_key:
            source = (
                Service.objects.filter(translation_key=self.translation_key).exclude(locale_id=self.locale_id).first()
            )
        if source is not None:
            for name in SHARED_FACTS:
                if name == "last_verified_by":
                    self.last_verified_by_id = source.last_verified_by_id
                else:
                    setattr(self, name, getattr(source, name))
            self.time_zone = source.time_zone
        self.country = country_of(self.state)
        if not self.organization_name_language and self.locale_id:
            # "Leave empty for the language of this entry": the first entry saved decides for every translation.
            self.organization_name_language = Locale.objects.get(pk=self.locale_id).language_code.split("-")[0]
        if self.state and not self.time_zone:
            self.time_zone = STATE_TIME_ZONES.get(self.state, "")
        with transaction.atomic():
            super().save(*args, **kwargs)
            if source is not None:
                if not ServiceHours.objects.filter(service=self).exists():
                    ServiceHours.objects.bulk_create(
                        ServiceHours(service=self, weekday=h.weekday, opens=h.opens, closes=h.closes,
                                     sort_order=h.sort_order)
                        for h in ServiceHours.objects.filter(service=source)
                    )
            else:
                self.copy_facts_to_translations()

    def copy_facts_to_translations(self):
        others = Service.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        if not others.exists():
            return
        facts = {name: getattr(self, name) for name in SHARED_FACTS if name != "last_verified_by"}
        facts["last_verified_by_id"] = self.last_verified_by_id
        facts["time_zone"] = self.time_zone
        others.update(**facts, updated_at=timezone.now())
        hours = list(ServiceHours.objects.filter(service=self).values_list("weekday", "opens", "closes"))
        other_ids = list(others.values_list("pk", flat=True))
        ServiceHours.objects.filter(service_id__in=other_ids).delete()
        ServiceHours.objects.bulk_create(
            ServiceHours(service_id=other, weekday=weekday, opens=opens, closes=closes, sort_order=i)
            for other in other_ids
            for i, (weekday, opens, closes) in enumerate(hours)
        )

    @property
    def is_stale(self):
        return self.last_verified_on is None or self.last_verified_on < stale_cutoff()


def stale_cutoff(today=None):
    """Services last checked before this day are out of date."""
    return (today or timezone.localdate()) - timedelta(days=STALE_AFTER_DAYS)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ServiceHours(Orderable):
    """One opening period of a service on one weekday, in the service's time zone (HSDS ``schedule``)."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"), help_text=_("Earlier than the opening time means after midnight."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class CorrectionStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("Being checked")
    DONE = "done", _("Corrected")
    DISMISSED = "dismissed", _("Dismissed")


CLOSED_CORRECTION_STATUSES = (CorrectionStatus.DONE, CorrectionStatus.DISMISSED)


class CorrectionTopic(models.TextChoices):
    CLOSED = "closed", _("It has closed or moved")
    CONTACT = "contact", _("Phone, email or website")
    HOURS = "hours", _("Hours")
    ADDRESS = "address", _("Address or location")
    SAFETY = "safety", _("Questions about status or sharing information")
    OTHER = "other", _("Something else")


class Correction(models.Model):
    """A visitor's "suggest a correction" about one service, waiting in the staff queue.

    The visitor's contact (optional) is only for staff to ask a question back; it is erased
    when the correction is closed (corrected or dismissed). No email is ever sent to it
    automatically, so it needs no confirmation.
    """

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="corrections"
    )
    service_key = models.UUIDField(default=uuid.uuid4, editable=False)  # the service's translation_key
    topic = models.CharField(_("what is wrong"), max_length=20, choices=CorrectionTopic.choices)
    details = models.TextField(_("details"), max_length=2000)
    contact = models.CharField(_("visitor's contact"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    flagged = models.BooleanField(
        _("flagged"), default=False, help_text=_("Sent from an address over the rate limit: probably not genuine.")
    )
    status = models.CharField(_("status"), max_length=20, choices=CorrectionStatus.choices, default=CorrectionStatus.NEW)
    staff_note = models.TextField(_("staff note"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handled by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    panels = [FieldPanel("status"), FieldPanel("staff_note")]

    class Meta:
        verbose_name = _("suggested correction")
        verbose_name_plural = _("suggested corrections")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["ip_hash", "created_at"], name="services_correction_rate")]

    def __str__(self):
        return f"{self.service.name}: {self.get_topic_display()}"

    @property
    def excerpt(self):
        return self.details if len(self.details) <= 80 else self.details[:79] + "…"

    def save(self, *args, **kwargs):
        if self.status in CLOSED_CORRECTION_STATUSES:
            self.contact = ""
        super().save(*args, **kwargs)


# The directory page lives in its own module (it routes to the views); importing it here registers it.
from services.pages import ServiceDirectoryPage  # noqa: E402,F401
