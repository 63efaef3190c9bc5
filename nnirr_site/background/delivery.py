"""The one rule for a supporter email the mail server did not take, shared by every email task.

A final refusal (``mail_errors.is_permanent``) is recorded and never retried; a
temporary one is recorded and the task queued again after
``SUPPORTER_EMAIL_RETRY_SECONDS``, doubling with each failure up to an hour,
until ``SUPPORTER_EMAIL_MAX_ATTEMPTS``, when the email is recorded as failed for
good. Each task keeps its own idempotent send (lock the row, check, send,
record) and its own way of recording a failure on its email row.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from nnirr_site.background import mail_errors

logger = logging.getLogger(__name__)


def retry_delay(attempts):
    """``SUPPORTER_EMAIL_RETRY_SECONDS`` (a minute), doubling with each failure, at most an hour."""
    base = settings.SUPPORTER_EMAIL_RETRY_SECONDS
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def send_or_retry(task, email_id, send, record_failure, label):
    """Run ``send(email_id)``; when the mail server fails, apply the rule above and re-raise a temporary failure.

    ``record_failure(email_id, exc, final=False, count=True)`` notes the error on the email row and
    returns its attempts so far; ``label`` names the email in the log ("Signer email").
    """
    try:
        return send(email_id)
    except (OSError, smtplib.SMTPException) as exc:
        if mail_errors.is_permanent(exc):
            record_failure(email_id, exc, final=True)
            logger.warning("%s %s refused permanently (%s); not retrying.", label, email_id, mail_errors.describe(exc))
            return "refused"
        attempts = record_failure(email_id, exc)
        if attempts >= settings.SUPPORTER_EMAIL_MAX_ATTEMPTS:
            record_failure(email_id, exc, final=True, count=False)
            logger.error("%s %s failed %s times; giving up.", label, email_id, attempts)
            return "gave up"
        logger.warning("%s %s not sent (%s); trying again later.", label, email_id, mail_errors.describe(exc))
        task.using(run_after=timezone.now() + retry_delay(attempts)).enqueue(email_id)
        raise
