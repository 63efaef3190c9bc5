"""The outbox rule, once for every action: one row per supporter email, sent exactly once by the worker.

An action's email model (``SignatureEmail``, ``LetterEmail``, …) inherits ``OutboxEmail``: when
it was queued, sent, how many attempts, the last error (its class and reply codes, never the
address) and whether it failed for good. The task that sends one (``nnirr_site/background/delivery.py``
``send_or_retry`` decides retries) follows the same steps everywhere:

1. claim the row under ``nowait`` (another run holding it makes this one stop: ``BUSY``) and
   check it is neither sent nor failed, committing anything the email needs (a link's hash);
2. send;
3. ``mark_sent`` — riding out a database restart with ``retry_on_db_error`` — so an email that
   left is not sent again;
4. on an error, ``record_failure`` (``final`` when the mail server refused it for good).
"""

from contextlib import nullcontext

from django.db import OperationalError, connection, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nnirr_site.background import mail_errors

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's error code for a row NOWAIT could not lock
BUSY = "busy"


class OutboxEmail(models.Model):
    """One email to a supporter: queued, then sent once, or failed for good."""

    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True, help_text=_("The error class only, never the address."))
    failed_at = models.DateTimeField(
        _("could not be delivered"),
        null=True,
        blank=True,
        help_text=_("When the mail server refused this email for good (a 5xx reply) or retries ran out."),
    )

    class Meta:
        abstract = True

    @classmethod
    def mark_sent(cls, email_id, sent_at):
        """Record that the email left (one statement; the first record wins)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {cls._meta.db_table} SET sent_at = %s, attempts = attempts + 1 WHERE id = %s AND sent_at IS NULL",
                [sent_at, email_id],
            )

    @classmethod
    def record_failure(cls, email_id, exc, final=False, count=True):
        """Note the error; ``final``: it will never be sent. Returns the attempts so far."""
        changes = {"last_error": mail_errors.describe(exc)}
        if count:
            changes["attempts"] = F("attempts") + 1
        if final:
            changes["failed_at"] = timezone.now()
        cls.objects.filter(pk=email_id).update(**changes)
        return cls.objects.filter(pk=email_id).values_list("attempts", flat=True).first() or 0


def nowait(claim, single_statement=False):
    """Run ``claim()`` (which locks rows with NOWAIT) in its own transaction; ``BUSY`` if a row is held.

    Inside a transaction already (tests running tasks in theirs), it is a savepoint, so a
    refused lock does not spoil that transaction. A ``single_statement`` claim outside any
    transaction runs as its own (autocommit), saving the BEGIN and COMMIT round trips.
    """
    guard = nullcontext() if single_statement and not connection.in_atomic_block else transaction.atomic()
    try:
        with guard:
            return claim()
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
            return BUSY
        raise
