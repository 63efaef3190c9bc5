"""The events index and event pages.

An event's date and time are stored twice: as the organizer gave them (a local date and time and
the event's IANA time zone, which is what editors type and what the page shows) and as aware
moments (``starts_at``, ``ends_at``, computed on every save) that listings sort and filter on and
that calendar feeds write with the zone. ``sequence`` counts the publications of the page: the
calendar feed's SEQUENCE, so subscribers' calendars take every published change, a cancellation
included.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events.fields import ChoiceArrayField
from events.places import DEFAULT_TIME_ZONE, STATE_NAMES, STATES, TIME_ZONES, NonexistentLocalTime, aware, zone
from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage, SectionIndexPage
from supporter_actions.page_routes import handler
from supporter_actions.route_slugs import TranslatedRouteSlugsMixin


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person and online")


class EventLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("Other languages")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


SKIPPED_TIME = _("This time does not exist on that day: the clocks skip it when daylight saving time starts.")


def default_languages():
    return [EventLanguage.ENGLISH.value]


class EventIndexPage(TranslatedRouteSlugsMixin, RoutablePageMixin, SectionIndexPage):
    """Under home (slug ``events``): upcoming events with filters, the archive by year, and the "Add your event" form."""

    PAGE_SIZE = 20

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index page")

    # The views import this module; they register what answers each route by name
    # (supporter_actions/page_routes.py), so this module never imports them.
    @path("")
    def upcoming(self, request):
        return handler("events.index")(request, self)

    @re_path(r"^archive/(?P<year>[0-9]{4})/$")
    def archive(self, request, year):
        return handler("events.archive")(request, self, int(year))

    @path("add/")
    def submit(self, request):
        return handler("events.submit")(request, self)

    @path("add/thanks/")
    def thanks(self, request):
        return handler("events.submit_thanks")(request, self)

    @path("add/confirm/<str:token>/")
    def confirm(self, request, token):
        return handler("events.submit_confirm")(request, self, token)


class EventPage(TranslatedRouteSlugsMixin, RoutablePageMixin, BasePage):
    """Under the events index: one event, its place and time, how to take part, and its calendar file."""

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True, help_text=_("Leave empty for an all-day event."))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty if it ends the same day."))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONES,
        default=DEFAULT_TIME_ZONE,
        help_text=_("The zone of the place where the event happens; times are entered and shown in it."),
    )
    starts_at = models.DateTimeField(_("starts at"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False, db_index=True)

    attendance = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON)
    venue_name = models.CharField(_("venue name"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=STATES, blank=True)
    postal_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    venue_private = models.BooleanField(
        _("venue shared after registration"),
        default=False,
        help_text=_("Only the city and state are shown anywhere (page, listings, calendar files); "
                    "the venue name, address and map position never are."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where people join online."))
    online_url_private = models.BooleanField(
        _("send the online link only to those who register"),
        default=False,
        help_text=_("The page then says the link is sent after registration."),
    )

    organizer_name = models.CharField(
        _("organizer"), max_length=200, blank=True,
        help_text=_("A member organization. Leave empty when the network itself organizes it."),
    )
    organizer_url = models.URLField(_("organizer's website"), blank=True)
    languages = ChoiceArrayField(
        models.CharField(max_length=10, choices=EventLanguage.choices),
        verbose_name=_("languages spoken"),
        default=default_languages,
        blank=True,
    )
    interpretation = models.CharField(
        _("interpretation"), max_length=200, blank=True,
        help_text=_("For example “Spanish–English interpretation” or “ASL”. Leave empty if none."),
    )
    accessibility_notes = models.TextField(_("accessibility"), max_length=1000, blank=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True, help_text=_("Leave empty for a free event."))
    registration_url = models.URLField(_("registration link"), blank=True, help_text=_("Leave empty for “no registration needed”."))

    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    postponed_to = models.DateField(_("postponed to"), null=True, blank=True, help_text=_("The new date, if known."))
    status_note = models.TextField(
        _("status note"), max_length=600, blank=True,
        help_text=_("Why it was cancelled or postponed, shown on the page and in calendars."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For example International Migrants Day. The campaign page lists its events of the year."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    sequence = models.PositiveIntegerField(
        _("calendar revision"), default=0, editable=False,
        help_text=_("Raised on every publication so subscribed calendars take the change."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("postal_code")]),
                FieldPanel("venue_private"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
                FieldPanel("online_url_private"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("organizer_name"), FieldPanel("organizer_url")]),
                FieldPanel("languages"),
                FieldPanel("interpretation"),
                FieldPanel("accessibility_notes"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("registration_url")]),
                PageChooserPanel("campaign", page_type="campaigns.CampaignPage"),
            ],
            heading=_("Taking part"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("postponed_to")]), FieldPanel("status_note")],
            heading=_("Status"),
        ),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("organizer_name"),
        index.FilterField("state"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["state", "ends_at"], name="events_state_ends")]

    @path("")
    def event(self, request):
        return handler("events.event")(request, self)

    @path("calendar/")
    def calendar_file(self, request):
        return handler("events.event_calendar")(request, self)

    # --- Time -----------------------------------------------------------------------------------

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def tz(self):
        return zone(self.time_zone)

    def compute_moments(self):
        """Set ``starts_at`` and ``ends_at`` from the local fields; raise ``NonexistentLocalTime`` for a skipped time."""
        end_date = self.end_date or self.start_date
        if self.all_day:
            self.starts_at = aware(self.start_date, datetime.time(0, 0), self.time_zone)
            self.ends_at = aware(end_date + datetime.timedelta(days=1), datetime.time(0, 0), self.time_zone)
            return
        self.starts_at = aware(self.start_date, self.start_time, self.time_zone)
        if self.end_time is not None:
            self.ends_at = aware(end_date, self.end_time, self.time_zone)
        else:
            self.ends_at = self.starts_at + datetime.timedelta(hours=2) if not self.end_date else aware(
                end_date, datetime.time(23, 59), self.time_zone
            )

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date is None:
            return
        if self.end_time is not None and self.start_time is None:
            errors["end_time"] = _("Give a start time too, or leave both empty for an all-day event.")
        if self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        if not errors:
            try:
                self.compute_moments()
            except NonexistentLocalTime:
                errors["start_time"] = SKIPPED_TIME
            else:
                if self.ends_at <= self.starts_at:
                    errors["end_time"] = _("The event cannot end before it starts.")
        if self.status == EventStatus.POSTPONED and self.postponed_to and self.postponed_to < self.start_date:
            errors["postponed_to"] = _("The new date must come after the original one.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start_date is not None:
            try:
                self.compute_moments()
            except NonexistentLocalTime:
                if kwargs.get("clean", True):
                    raise ValidationError({"start_time": SKIPPED_TIME})
                # Saving without checks (scripts): an hour later is what the clock shows.
                self.start_time = (datetime.datetime.combine(self.start_date, self.start_time)
                                   + datetime.timedelta(hours=1)).time()
                self.compute_moments()
        return super().save(*args, **kwargs)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.tz)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.tz)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    # --- Place ----------------------------------------------------------------------------------

    @property
    def state_name(self):
        return STATE_NAMES.get(self.state, "")

    @property
    def is_online_only(self):
        return self.attendance == Attendance.ONLINE

    @property
    def public_venue(self):
        """The venue name and street address that may be shown, or "" (private venue, online only)."""
        if self.venue_private or self.is_online_only:
            return ""
        return ", ".join(part for part in [self.venue_name, self.street_address] if part)

    @property
    def public_place(self):
        """City and state only: what any listing shows, whatever the venue's privacy."""
        return ", ".join(part for part in [self.city, self.state_name] if part)

    @property
    def public_location(self):
        """The full location that may be published (page, calendar files), never a private venue."""
        place = self.public_place
        if self.postal_code and self.public_venue:
            place = f"{place} {self.postal_code}"
        return ", ".join(part for part in [self.public_venue, place] if part)

    @property
    def public_geo(self):
        """(latitude, longitude) when known and the venue is public, else None."""
        if self.venue_private or self.is_online_only or self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    @property
    def public_online_url(self):
        if self.attendance == Attendance.IN_PERSON or self.online_url_private:
            return ""
        return self.online_url

    @property
    def language_names(self):
        labels = dict(EventLanguage.choices)
        return [labels[code] for code in self.languages if code in labels]
