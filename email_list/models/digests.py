"""The monthly digest: its items (published pages of a period), and one send row per recipient.

A digest belongs to a list and a language. Editors assemble it from what was published in its
period (``email_list/digest_content.py``), change the intro, reorder or leave items out, preview
it, then send. Sending writes one ``DigestSend`` per recipient (unique per digest and
subscriber) and the worker works through them (``email_list/sending.py``, which explains the
states and the exactly-once rule).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from email_list.models.subscribers import LANGUAGE_CHOICES


class DigestStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENDING = "sending", _("sending")
    PAUSED = "paused", _("paused")
    SENT = "sent", _("sent")


class Digest(ClusterableModel):
    """One issue of a list's digest in one language: intro and ordered items; sent once, then archived publicly."""

    mailing_list = models.ForeignKey(
        "email_list.MailingList", verbose_name=_("list"), on_delete=models.PROTECT, related_name="digests"
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"), help_text=_("Inclusive: what was published from the first day to this one."))
    subject = models.CharField(_("subject"), max_length=150)
    intro = models.TextField(_("introduction"), blank=True, max_length=2000, help_text=_("Plain text; blank lines start paragraphs."))
    status = models.CharField(_("status"), max_length=10, choices=DigestStatus.choices, default=DigestStatus.DRAFT)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sent"), null=True, blank=True)
    started_by = models.CharField(_("sent by"), max_length=150, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("mailing_list"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("subject"),
        FieldPanel("intro"),
        MultiFieldPanel([InlinePanel("items", label=_("Item"))], heading=_("Items, in order")),
    ]

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-period_end", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def editable(self):
        return self.status == DigestStatus.DRAFT

    def included_items(self):
        return [item for item in self.items.all() if item.include]


class DigestItem(Orderable):
    """A published page in a digest (blog post, resource, event); title and summary are copied so editors can trim them."""

    digest = ParentalKey(Digest, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=[("post", _("Blog post")), ("resource", _("Resource")), ("event", _("Event"))]
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True, max_length=600)
    url = models.URLField(_("address"), max_length=500)
    include = models.BooleanField(_("include"), default=True, help_text=_("Untick to leave this item out."))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("include")]),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("url"),
    ]

    def __str__(self):
        return self.title


class SendState(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RESERVED = "reserved", _("taken by a worker")
    HANDED_OVER = "handed_over", _("handed to the mail server, reply not recorded")
    SENT = "sent", _("sent")
    FAILED = "failed", _("could not be delivered")
    SKIPPED = "skipped", _("skipped (unsubscribed or bounced meanwhile)")


class DigestSend(models.Model):
    """One recipient of one digest; its state moves queued → reserved → handed_over → sent, once."""

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="sends")
    subscriber = models.ForeignKey("email_list.Subscriber", on_delete=models.CASCADE, related_name="digest_sends")
    state = models.CharField(max_length=12, choices=SendState.choices, default=SendState.QUEUED)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim = models.CharField(max_length=32, blank=True, help_text=_("The worker run that reserved it."))
    claim_task = models.CharField(max_length=64, blank=True)
    reserved_at = models.DateTimeField(null=True, blank=True)
    handed_over_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("digest recipient")
        verbose_name_plural = _("digest recipients")
        constraints = [models.UniqueConstraint(fields=["digest", "subscriber"], name="email_list_one_send_per_recipient")]
        indexes = [models.Index(fields=["digest", "state", "next_attempt_at"], name="email_list_send_due")]
