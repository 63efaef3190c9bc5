"""Events proposed by local organizers through the public "Add your event" form, and their emails.

A submission is not a page: it waits, confirmed by its organizer's email, in a queue of its own in
the admin until staff turn it into a draft ``EventPage`` (which they edit and publish as any page)
or decline it. The organizer's contact details stay on the submission and are never copied to the
page. The README explains why this is a queue of its own and not Wagtail's moderation workflow.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.fields import ChoiceArrayField
from events.models.pages import Attendance, EventLanguage, default_languages
from events.places import DEFAULT_TIME_ZONE, STATES, TIME_ZONES
from supporter_actions.outbox import OutboxEmail

MAX_EMAILS_PER_SUBMISSION = 5


class SubmissionStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("awaiting email confirmation")
    PENDING = "pending", _("waiting for review")
    DRAFTED = "drafted", _("draft event page made")
    PUBLISHED = "published", _("published")
    DECLINED = "declined", _("declined")


class EventSubmission(models.Model):
    """One event an organizer proposed; its contact person (name, email, phone) is never published."""

    title = models.CharField(_("event title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=400)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONES, default=DEFAULT_TIME_ZONE)
    attendance = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices)
    venue_name = models.CharField(_("venue name"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=STATES, blank=True)
    postal_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    venue_private = models.BooleanField(_("venue shared after registration"), default=False)
    online_url = models.URLField(_("online link"), blank=True)
    online_url_private = models.BooleanField(_("online link only for those who register"), default=False)
    organizer_name = models.CharField(_("organizer"), max_length=200)
    organizer_url = models.URLField(_("organizer's website"), blank=True)
    languages = ChoiceArrayField(
        models.CharField(max_length=10, choices=EventLanguage.choices),
        verbose_name=_("languages spoken"), default=default_languages, blank=True,
    )
    interpretation = models.CharField(_("interpretation"), max_length=200, blank=True)
    accessibility_notes = models.TextField(_("accessibility"), max_length=1000, blank=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)

    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email"), max_length=254)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    consent_text = models.TextField(_("consent wording shown"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    index_page = models.ForeignKey(
        "events.EventIndexPage", verbose_name=_("events index"), on_delete=models.CASCADE, related_name="+"
    )

    ip_hash = models.CharField(_("keyed hash of the IP address"), max_length=64, blank=True, editable=False)
    flagged = models.BooleanField(
        _("flagged"), default=False, help_text=_("Sent from an address that sent many submissions in a short time.")
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=25, choices=SubmissionStatus.choices, default=SubmissionStatus.AWAITING_CONFIRMATION
    )
    event_page = models.ForeignKey(
        "events.EventPage", verbose_name=_("event page"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="submissions",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by_name = models.CharField(_("decided by"), max_length=150, blank=True)
    decline_reason = models.TextField(
        _("reason for declining"), max_length=1000, blank=True,
        help_text=_("Sent to the organizer in the email that tells them."),
    )
    emails_count = models.PositiveSmallIntegerField(_("emails sent or queued"), default=0)

    class Meta:
        verbose_name = _("event submission")
        verbose_name_plural = _("event submissions")
        permissions = [("moderate_eventsubmission", _("Can review submitted events"))]
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="events_submission_unique_token_hash"
            ),
            models.CheckConstraint(
                condition=Q(emails_count__lte=MAX_EMAILS_PER_SUBMISSION), name="events_submission_at_most_five_emails"
            ),
        ]
        indexes = [
            models.Index(fields=["ip_hash", "created_at"], name="events_submission_rate_limit"),
            models.Index(fields=["status", "created_at"], name="events_submission_queue"),
        ]

    def __str__(self):
        return self.title

    @property
    def language_names(self):
        labels = dict(EventLanguage.choices)
        return [str(labels[code]) for code in self.languages if code in labels]


class EventEmailKind(models.TextChoices):
    CONFIRM = "confirm", _("confirm your submission")
    PUBLISHED = "published", _("your event is published")
    DECLINED = "declined", _("your event was not published")


class EventEmail(OutboxEmail):
    """One email to a submission's organizer, queued with its row and sent once by the worker (the core's outbox rule)."""

    submission = models.ForeignKey(EventSubmission, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=EventEmailKind.choices)

    class Meta:
        verbose_name = _("event email")
        verbose_name_plural = _("event emails")
