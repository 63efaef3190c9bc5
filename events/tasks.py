"""The background task that sends event submission emails, exactly once each.

Runs on the "petitions" django-tasks backend, the queue the worker serves for every supporter
email. As for sign-on letters: the run locks the email row (NOWAIT), checks it is neither sent nor
failed, stores a fresh confirmation link's hash and commits before the email leaves, sends, then
records ``sent_at``. Failures follow the one rule in ``nnirr_site/background/delivery.py``.
"""

from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from events.emails import build_message
from events.models import EventEmail, EventEmailKind, EventSubmission
from nnirr_site.background import delivery, mail_errors
from nnirr_site.background.database import retry_on_db_error
from supporter_actions import tokens

LOCK_NOT_AVAILABLE = "55P03"


@task(backend="petitions")
def send_event_email(email_id):
    """Send one queued submission email exactly once; on a temporary failure, re-queue it with back-off."""
    return delivery.send_or_retry(send_event_email, email_id, _send, _record_failure, "Event email")


def _claim(email_id, token_hash, expires_at):
    try:
        with transaction.atomic():
            email = (
                EventEmail.objects.select_for_update(nowait=True, of=("self",))
                .select_related("submission")
                .filter(pk=email_id)
                .first()
            )
            if email is None or email.sent_at is not None or email.failed_at is not None:
                return None, False
            needs_link = email.kind == EventEmailKind.CONFIRM and email.submission.confirmed_at is None
            if needs_link:
                EventSubmission.objects.filter(pk=email.submission_id).update(
                    token_hash=token_hash, token_expires_at=expires_at
                )
            return email, needs_link
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
            return "busy", False
        raise


def _send(email_id):
    token, token_hash, expires_at = tokens.new_token()
    email, needs_link = _claim(email_id, token_hash, expires_at)
    if email == "busy":
        return "busy"
    if email is None:
        return "nothing to send"
    build_message(email, token if needs_link else None).send()
    sent_at = timezone.now()
    retry_on_db_error(lambda: _mark_sent(email_id, sent_at), what=f"record event email {email_id} as sent")
    return "sent"


def _mark_sent(email_id, sent_at):
    EventEmail.objects.filter(pk=email_id, sent_at__isnull=True).update(sent_at=sent_at, attempts=F("attempts") + 1)


def _record_failure(email_id, exc, final=False, count=True):
    changes = {"last_error": mail_errors.describe(exc)}
    if count:
        changes["attempts"] = F("attempts") + 1
    if final:
        changes["failed_at"] = timezone.now()
    EventEmail.objects.filter(pk=email_id).update(**changes)
    return EventEmail.objects.filter(pk=email_id).values_list("attempts", flat=True).first() or 0
