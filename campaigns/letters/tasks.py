"""The background task that sends sign-on letter emails, exactly once each.

It runs on the django-tasks database backend "petitions": despite its name, that is the queue
the worker (``manage.py db_worker --backend petitions``, ``nnirr_site/background``) serves, and
it carries every supporter email — petition signers', letter contacts' and signers', and the
next actions' too.

``send_letter_email`` is idempotent, as the petitions' task is: each email has one task, and
only a failed run queues the next attempt after it has ended. A run locks the email's row
(NOWAIT: a run already holding it makes this one stop), checks that it is neither sent nor
failed and, for a confirmation, stores the hash of a fresh link, and commits that before the
email leaves (so the link already works when it arrives); then it sends, then records
``sent_at`` (riding out a database restart, so an email that left is not sent again).

A temporary refusal (a 4xx reply, a dropped connection) is retried with back-off; a permanent
one (``mail_errors.is_permanent``) or running out of attempts sets ``failed_at``.
"""


from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from campaigns.letters.emails import build_message
from campaigns.letters.models import LetterEmail, LetterEmailKind
from nnirr_site.background import delivery, mail_errors
from nnirr_site.background.database import retry_on_db_error
from supporter_actions import tokens


LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's error code for a row NOWAIT could not lock



# The "petitions" backend carries every supporter email; see the module docstring.
@task(backend="petitions")
def send_letter_email(email_id):
    """Send one queued letter email exactly once; on a temporary failure, re-queue it with back-off."""
    return delivery.send_or_retry(send_letter_email, email_id, _send, _record_failure, "Letter email")


def _claim(email_id, token_hash, expires_at):
    """Lock the email, and give its recipient a fresh link if it needs one; commit. Returns ``(email, needs_link)``.

    ``email`` is None when there is nothing to send, "busy" when another run holds the row.
    A savepoint when already inside a transaction (tests), so a refused lock spoils nothing.
    """
    try:
        with transaction.atomic():
            email = (
                LetterEmail.objects.select_for_update(nowait=True, of=("self",))
                .select_related("endorsement", "individual")
                .filter(pk=email_id)
                .first()
            )
            if email is None or email.sent_at is not None or email.failed_at is not None:
                return None, False
            recipient = email.endorsement or email.individual
            needs_link = email.kind == LetterEmailKind.CONFIRM and recipient.confirmed_at is None
            if needs_link:
                type(recipient).objects.filter(pk=recipient.pk).update(token_hash=token_hash, token_expires_at=expires_at)
            return email, needs_link
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
            return "busy", False
        raise


def _send(email_id):
    # A fresh link for every confirmation email; only its hash is kept (an older link stops working).
    token, token_hash, expires_at = tokens.new_token()
    email, needs_link = _claim(email_id, token_hash, expires_at)
    if email == "busy":
        return "busy"
    if email is None:
        return "nothing to send"
    build_message(email, token if needs_link else None).send()
    sent_at = timezone.now()
    retry_on_db_error(lambda: _mark_sent(email_id, sent_at), what=f"record letter email {email_id} as sent")
    return "sent"


def _mark_sent(email_id, sent_at):
    LetterEmail.objects.filter(pk=email_id, sent_at__isnull=True).update(sent_at=sent_at, attempts=F("attempts") + 1)


def _record_failure(email_id, exc, final=False, count=True):
    """Note the error (its class and reply codes, never the address); ``final``: it will never be sent."""
    changes = {"last_error": mail_errors.describe(exc)}
    if count:
        changes["attempts"] = F("attempts") + 1
    if final:
        changes["failed_at"] = timezone.now()
    LetterEmail.objects.filter(pk=email_id).update(**changes)
    return LetterEmail.objects.filter(pk=email_id).values_list("attempts", flat=True).first() or 0
