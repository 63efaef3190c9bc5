"""The background task that sends event submission emails, exactly once each.

Runs on the "petitions" django-tasks backend, the queue the worker serves for every supporter
email, and follows the core's outbox rule (``supporter_actions/outbox.py``): the run locks the
email row (NOWAIT), checks it is neither sent nor failed, stores a fresh confirmation link's hash
and commits before the email leaves, sends, then records ``sent_at``. Failures follow the one
retry rule in ``nnirr_site/background/delivery.py``.
"""

from django.utils import timezone
from django_tasks import task

from events.emails import build_message
from events.models import EventEmail, EventEmailKind, EventSubmission
from nnirr_site.background import delivery
from nnirr_site.background.database import retry_on_db_error
from supporter_actions import tokens
from supporter_actions.outbox import BUSY, nowait


@task(backend="petitions")
def send_event_email(email_id):
    """Send one queued submission email exactly once; on a temporary failure, re-queue it with back-off."""
    return delivery.send_or_retry(send_event_email, email_id, _send, _record_failure, "Event email")


def _claim(email_id, token_hash, expires_at):
    """Lock the email and give the submission a fresh link if it needs one; ``(email, needs_link)``, or ``BUSY``."""

    def claim():
        email = (
            EventEmail.objects.select_for_update(nowait=True, of=("self",))
            .select_related("submission")
            .filter(pk=email_id, sent_at__isnull=True, failed_at__isnull=True)
            .first()
        )
        if email is None:
            return None, False
        needs_link = email.kind == EventEmailKind.CONFIRM and email.submission.confirmed_at is None
        if needs_link:
            EventSubmission.objects.filter(pk=email.submission_id).update(
                token_hash=token_hash, token_expires_at=expires_at
            )
        return email, needs_link

    claimed = nowait(claim)
    return (BUSY, False) if claimed == BUSY else claimed


def _send(email_id):
    # A fresh link for every confirmation email; only its hash is kept (an older link stops working).
    token, token_hash, expires_at = tokens.new_token()
    email, needs_link = _claim(email_id, token_hash, expires_at)
    if email == BUSY:
        return BUSY
    if email is None:
        return "nothing to send"
    build_message(email, token if needs_link else None).send()
    sent_at = timezone.now()
    retry_on_db_error(lambda: EventEmail.mark_sent(email_id, sent_at), what=f"record event email {email_id} as sent")
    return "sent"


_record_failure = EventEmail.record_failure
