"""Background tasks of the email list, on the worker's "petitions" backend (it carries every supporter email).

``send_list_email`` sends one sign-up email exactly once, as every supporter email is sent: lock
its row (NOWAIT), check it is neither sent nor failed, store the hash of a fresh confirmation
link and commit, send, then record ``sent_at`` riding out a database restart; a temporary
refusal is retried with back-off and a permanent one recorded (``nnirr_site/background/delivery.py``).

``send_digest`` works through a digest's recipients in batches; see ``email_list/sending.py``.
"""

from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from email_list import sending
from email_list.emails import build_message
from email_list.models import ListEmail, ListEmailKind
from nnirr_site.background import delivery, mail_errors
from nnirr_site.background.database import retry_on_db_error
from supporter_actions import tokens

LOCK_NOT_AVAILABLE = "55P03"


@task(backend="petitions")
def send_list_email(email_id):
    """Send one queued sign-up email exactly once; on a temporary failure, queue it again with back-off."""
    return delivery.send_or_retry(send_list_email, email_id, _send, _record_failure, "List email")


@task(backend="petitions", takes_context=True)
def send_digest(context, digest_id):
    """Send a digest's next batches (``email_list/sending.py``); queues its own successor when work remains."""
    return sending.run(digest_id, str(context.task_result.id), successor=send_digest)


def _claim(email_id, token_hash, expires_at):
    try:
        with transaction.atomic():
            email = (
                ListEmail.objects.select_for_update(nowait=True, of=("self",))
                .select_related("request", "request__subscriber")
                .filter(pk=email_id)
                .first()
            )
            if email is None or email.sent_at is not None or email.failed_at is not None:
                return None, False
            needs_link = email.kind == ListEmailKind.CONFIRM and email.request.confirmed_at is None
            if needs_link:
                type(email.request).objects.filter(pk=email.request_id).update(
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
    retry_on_db_error(lambda: _mark_sent(email_id, sent_at), what=f"record list email {email_id} as sent")
    return "sent"


def _mark_sent(email_id, sent_at):
    ListEmail.objects.filter(pk=email_id, sent_at__isnull=True).update(sent_at=sent_at, attempts=F("attempts") + 1)


def _record_failure(email_id, exc, final=False, count=True):
    changes = {"last_error": mail_errors.describe(exc)}
    if count:
        changes["attempts"] = F("attempts") + 1
    if final:
        changes["failed_at"] = timezone.now()
    ListEmail.objects.filter(pk=email_id).update(**changes)
    return ListEmail.objects.filter(pk=email_id).values_list("attempts", flat=True).first() or 0
