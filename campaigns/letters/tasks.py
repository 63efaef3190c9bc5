"""The background task that sends every sign-on letter email, exactly once each.

It runs on the django-tasks database backend "petitions": despite its name, that is the queue
the worker (``manage.py db_worker --backend petitions``, ``nnirr_site/background``) serves, and
it carries every supporter email — petition signers', letter contacts' and signers', and the
next actions' too.

One task for every kind: the public flow's confirmation and "already signed" emails
(``emails.build_message``) and staff's "your organization is listed" (``staff_emails``). It
follows the core's outbox rule (``supporter_actions.outbox``): claim the row (NOWAIT), check it
is neither sent nor failed and, for a confirmation, store the hash of a fresh link, committing
that before the email leaves (so the link already works when it arrives); send; record
``sent_at``, riding out a database restart. Retries are ``nnirr_site/background/delivery.py``'s.
"""

from django.utils import timezone
from django_tasks import task

from campaigns.letters.emails import build_message
from campaigns.letters.models import LetterEmail, LetterEmailKind
from campaigns.letters.staff_emails import build_listed_message
from nnirr_site.background import delivery
from nnirr_site.background.database import retry_on_db_error
from supporter_actions import tokens
from supporter_actions.outbox import BUSY, nowait


# The "petitions" backend carries every supporter email; see the module docstring.
@task(backend="petitions")
def send_letter_email(email_id):
    """Send one queued letter email exactly once; on a temporary failure, re-queue it with back-off."""
    return delivery.send_or_retry(send_letter_email, email_id, _send, _record_failure, "Letter email")


def _claim(email_id, token_hash, expires_at):
    """Lock the email, and give its recipient a fresh link if it needs one. Returns ``(email, needs_link)``.

    ``email`` is None when there is nothing to send, ``BUSY`` when another run holds the row.
    """

    def claim():
        email = (
            LetterEmail.objects.select_for_update(nowait=True, of=("self",))
            .select_related("endorsement", "individual")
            .filter(pk=email_id, sent_at__isnull=True, failed_at__isnull=True)
            .first()
        )
        if email is None:
            return None, False
        recipient = email.endorsement or email.individual
        needs_link = email.kind == LetterEmailKind.CONFIRM and recipient.confirmed_at is None
        if needs_link:
            type(recipient).objects.filter(pk=recipient.pk).update(token_hash=token_hash, token_expires_at=expires_at)
        return email, needs_link

    claimed = nowait(claim)
    return (BUSY, False) if claimed == BUSY else claimed


def message_for(email, token):
    if email.kind == LetterEmailKind.LISTED:
        return build_listed_message(email.endorsement)
    return build_message(email, token)


def _send(email_id):
    # A fresh link for every confirmation email; only its hash is kept (an older link stops working).
    token, token_hash, expires_at = tokens.new_token()
    email, needs_link = _claim(email_id, token_hash, expires_at)
    if email == BUSY:
        return BUSY
    if email is None:
        return "nothing to send"
    message_for(email, token if needs_link else None).send()
    sent_at = timezone.now()
    retry_on_db_error(lambda: LetterEmail.mark_sent(email_id, sent_at), what=f"record letter email {email_id} as sent")
    return "sent"


_record_failure = LetterEmail.record_failure
