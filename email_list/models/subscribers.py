"""Subscribers, their subscriptions, sign-up requests waiting for confirmation, and the consent history.

The consent history (``ConsentRecord``) is append-only: every subscription, confirmation, change
and withdrawal adds a row saying when, from which page and form, with which wording (and its
version), in which language and how it was confirmed. ``save`` refuses to change a row,
``delete`` refuses to remove one, the admin offers no change or delete, and a database trigger
(migration 0002) refuses UPDATE and DELETE from any client, so not even a shell or a bug can
rewrite it.
"""

import secrets

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from supporter_actions.export_log import ExportLogEntry

LANGUAGE_CHOICES = [("en", "English"), ("es", "Español")]


def new_link_secret():
    return secrets.token_urlsafe(12)


class Subscriber(models.Model):
    """One person (one mailbox) on any of the lists; ``email_key`` makes ``Ana@x`` and ``ana+news@x`` one person."""

    email = models.EmailField(_("email"), max_length=254)
    email_key = models.CharField(_("address key"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en")
    created_at = models.DateTimeField(_("first seen"), default=timezone.now)
    link_secret = models.CharField(
        max_length=32, default=new_link_secret, help_text=_("Part of the signed preferences link; replacing it voids old links.")
    )
    bounced_at = models.DateTimeField(
        _("bounced"), null=True, blank=True, help_text=_("The mail server refused this address for good; nothing more is sent.")
    )
    complained_at = models.DateTimeField(
        _("complained"), null=True, blank=True, help_text=_("Marked our email as spam; nothing more is sent.")
    )

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        permissions = [("export_subscribers", "Can export confirmed subscribers")]

    def __str__(self):
        return self.email

    @property
    def can_receive(self):
        return self.bounced_at is None and self.complained_at is None


class SubscriptionStatus(models.TextChoices):
    ACTIVE = "active", _("subscribed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class Subscription(models.Model):
    """A confirmed subscriber on one list; exists only once a sign-up was confirmed by its link's POST."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    mailing_list = models.ForeignKey(
        "email_list.MailingList", verbose_name=_("list"), on_delete=models.PROTECT, related_name="subscriptions"
    )
    status = models.CharField(_("status"), max_length=20, choices=SubscriptionStatus.choices, default=SubscriptionStatus.ACTIVE)
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    ended_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "mailing_list"], name="email_list_one_subscription_per_list")
        ]
        indexes = [models.Index(fields=["mailing_list", "status"], name="email_list_sub_list_status")]

    def __str__(self):
        return f"{self.subscriber} · {self.mailing_list}"


class SignupRequest(models.Model):
    """One sign-up waiting for its confirmation link's POST: which lists, from where, with which wording.

    Only the SHA-256 of the link's token is stored (``supporter_actions.tokens``); the token is made
    when the confirmation email is sent, so a retried email carries a working link.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="signup_requests")
    list_ids = ArrayField(models.BigIntegerField(), verbose_name=_("lists"))
    first_name = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)
    source_url = models.CharField(_("page"), max_length=500, blank=True)
    source_form = models.CharField(_("form"), max_length=40)
    wording = models.TextField(_("consent wording shown"))
    wording_version = models.CharField(_("wording version"), max_length=20)
    created_at = models.DateTimeField(default=timezone.now)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    flagged = models.BooleanField(default=False, help_text=_("Over the rate limit: stored, never emailed."))

    class Meta:
        verbose_name = _("sign-up request")
        verbose_name_plural = _("sign-up requests")


class ListEmailKind(models.TextChoices):
    CONFIRM = "confirm", _("confirm your subscription")
    ALREADY_SUBSCRIBED = "already", _("you are already subscribed")


class ListEmail(models.Model):
    """One sign-up email (a confirmation link, or "already subscribed"), queued with its request and sent once."""

    request = models.ForeignKey(SignupRequest, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=ListEmailKind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    failed_at = models.DateTimeField(_("could not be delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-up email")
        verbose_name_plural = _("sign-up emails")


class ConsentAction(models.TextChoices):
    REQUESTED = "requested", _("asked to subscribe")
    SUBSCRIBED = "subscribed", _("subscribed (confirmed)")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
    LANGUAGE = "language", _("changed language")
    BOUNCED = "bounced", _("address refused by the mail server")
    COMPLAINED = "complained", _("marked an email as spam")
    CLEARED = "cleared", _("bounce or complaint cleared by staff")


class ConsentRecord(models.Model):
    """One entry of a subscriber's consent history; never changed, never deleted (see the module docstring)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.PROTECT, related_name="consent_records")
    mailing_list = models.ForeignKey(
        "email_list.MailingList", verbose_name=_("list"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("what"), max_length=20, choices=ConsentAction.choices)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    language = models.CharField(_("language"), max_length=5)
    source_url = models.CharField(_("page"), max_length=500, blank=True)
    source_form = models.CharField(_("form"), max_length=40, blank=True)
    wording = models.TextField(_("wording shown"), blank=True)
    wording_version = models.CharField(_("wording version"), max_length=20, blank=True)
    method = models.CharField(
        _("how"), max_length=60, help_text=_("How it was confirmed: the email link’s button, one-click, the preferences page, staff.")
    )
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    staff_username = models.CharField(_("staff member"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["mailing_list", "action", "at"], name="email_list_consent_counts")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Consent records cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Consent records cannot be deleted.")


class SubscriberExport(ExportLogEntry):
    """One CSV export of a list's confirmed subscribers (the core's write-once log rule)."""

    list_name = models.CharField(_("list"), max_length=120)
    filters = models.CharField(_("filters"), max_length=300, blank=True)

    class Meta(ExportLogEntry.Meta):
        verbose_name = _("subscriber export")
        verbose_name_plural = _("subscriber export log")

    def __str__(self):
        return f"{self.list_name} · {self.username} · {self.created_at:%Y-%m-%d %H:%M}"

    def filters_summary(self):
        """The stored description ("confirmed, deliverable") as staff read it."""
        if self.filters == "confirmed, deliverable":
            return str(_("Confirmed subscribers whose address still works"))
        return self.filters

    filters_summary.short_description = _("what was exported")
