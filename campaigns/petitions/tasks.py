"""Background tasks (django-tasks, database backend "petitions"; run by ``manage.py db_worker --backend petitions``).

``send_signature_email`` is idempotent: it locks the email's row, sends only
if ``sent_at`` is empty and records ``sent_at`` in the same transaction. When
the mail server fails, the transaction rolls back (the signature stays, the
email stays unsent) and the task queues itself again with exponential back-off.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from campaigns.petitions import tokens
from campaigns.petitions.emails import build_message
from campaigns.petitions.models import Signature, SignatureEmail

logger = logging.getLogger(__name__)

# Permanent refusals: retrying would never succeed.
PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused,)


def retry_delay(attempts):
    """1 minute, doubling with each failure, at most an hour."""
    return timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 3600))


@task(backend="petitions")
def send_signature_email(email_id):
    """Send one queued signer email exactly once; on failure, re-queue it with back-off."""
    try:
        return _send(email_id)
    except PERMANENT_ERRORS as exc:
        _record_failure(email_id, exc)
        logger.warning("Signer email %s refused permanently (%s); not retrying.", email_id, type(exc).__name__)
        return "refused"
    except (OSError, smtplib.SMTPException) as exc:
        attempts = _record_failure(email_id, exc)
        if attempts >= settings.PETITION_EMAIL_MAX_ATTEMPTS:
            logger.error("Signer email %s failed %s times; giving up.", email_id, attempts)
            return "gave up"
        send_signature_email.using(run_after=timezone.now() + retry_delay(attempts)).enqueue(email_id)
        raise


def _send(email_id):
    with transaction.atomic():
        try:
            email = (
                # Lock only the email's own row (not the joined signature, page and locale rows).
                SignatureEmail.objects.select_for_update(nowait=True, of=("self",))
                .select_related("signature__petition__locale")
                .filter(pk=email_id)
                .first()
            )
        except DatabaseError:
            return "busy"  # another worker holds it and is sending it right now
        if email is None or email.sent_at is not None:
            return "nothing to send"
        signature = email.signature
        token = None
        if signature.confirmed_at is None and signature.flag == "":
            # A fresh link for every email; only its hash is kept (the old link stops working).
            token, signature.token_hash, signature.token_expires_at = tokens.new_token()
            Signature.objects.filter(pk=signature.pk).update(
                token_hash=signature.token_hash, token_expires_at=signature.token_expires_at
            )
        build_message(signature, email.kind, token).send()
        email.sent_at = timezone.now()
        email.attempts = F("attempts") + 1
        email.save(update_fields=["sent_at", "attempts"])
    return "sent"


def _record_failure(email_id, exc):
    SignatureEmail.objects.filter(pk=email_id).update(attempts=F("attempts") + 1, last_error=type(exc).__name__[:200])
    return SignatureEmail.objects.filter(pk=email_id).values_list("attempts", flat=True).first() or 0
