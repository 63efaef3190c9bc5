"""Background tasks (django-tasks, database backend "petitions"; run by ``manage.py db_worker --backend petitions``).

``send_signature_email`` is idempotent. Each email has one task: the signing
transaction queues it, and only a failed run queues the next attempt, after
it has ended, so two runs for one email never overlap. A run first locks the
email's row, checks that ``sent_at`` is empty and, for a confirmation,
commits the signature's fresh link (so the link already works when the email
arrives); then it sends, then records ``sent_at`` (riding out a database
restart, so an email that left is recorded rather than sent again).

When the mail server refuses for now (a 4xx reply, a dropped connection),
nothing is recorded as sent (the link nobody received is replaced on the next
attempt) and the task queues itself again with exponential back-off. When it
refuses for good (a 5xx reply about the recipient or message), or the
attempts run out, the email's ``failed_at`` is set, and staff see "could not
be delivered" beside the signature. A database error is not handled here: the
worker queues the task again once the database is back
(``nnirr_site/background/worker.py``).
"""

from django.db import connection
from django.utils import timezone
from django_tasks import task

from campaigns.petitions.emails import build_message
from campaigns.petitions.models import Signature, SignatureEmail
from nnirr_site.background import delivery
from nnirr_site.background.database import retry_on_db_error
from supporter_actions import tokens
from supporter_actions.outbox import BUSY, nowait




@task(backend="petitions")
def send_signature_email(email_id):
    """Send one queued signer email exactly once; on a temporary failure, re-queue it with back-off."""
    return delivery.send_or_retry(send_signature_email, email_id, _send, _record_failure, "Signer email")


# One statement, run as its own transaction: lock the email's row (NOWAIT: a run already holding it
# makes this one stop at once), read the few signature fields the email needs and, if the email is
# still unsent and its signature unconfirmed, store the hash of its fresh link. Committed before the
# email leaves, so the link already works when it arrives. One round trip: the worker runs it for
# every email, where a transaction around three statements took five.
CLAIM_EMAIL = f"""
WITH email AS (
    SELECT e.sent_at, e.kind, s.id, s.petition_id, s.petition_key, s.first_name, s.last_name, s.email,
           s.language, s.privacy_notice_version, s.confirmed_at IS NULL AND s.flag = '' AS needs_link
    FROM {SignatureEmail._meta.db_table} e JOIN {Signature._meta.db_table} s ON s.id = e.signature_id
    WHERE e.id = %(email)s FOR UPDATE OF e NOWAIT
), link AS (
    UPDATE {Signature._meta.db_table} s SET token_hash = %(token_hash)s, token_expires_at = %(expires_at)s
    FROM email WHERE s.id = email.id AND email.sent_at IS NULL AND email.needs_link
)
SELECT * FROM email
"""
SIGNATURE_FIELDS = ["id", "petition_id", "petition_key", "first_name", "last_name", "email", "language",
                    "privacy_notice_version"]


def _claim_email(email_id, token_hash, expires_at):
    """The email's row as CLAIM_EMAIL returns it; None if it does not exist, "busy" if another run holds it."""
    params = {"email": email_id, "token_hash": token_hash, "expires_at": expires_at}

    def claim():
        with connection.cursor() as cursor:
            cursor.execute(CLAIM_EMAIL, params)
            return cursor.fetchone()

    return nowait(claim, single_statement=True)


def _send(email_id):
    # A fresh link for every email; only its hash is kept (the old link stops working).
    token, token_hash, expires_at = tokens.new_token()
    row = _claim_email(email_id, token_hash, expires_at)
    if row == BUSY:
        return BUSY  # another run holds it and is sending it right now
    if row is None or row[0] is not None:
        return "nothing to send"
    _sent_at, kind, *fields, needs_link = row
    signature = Signature(**dict(zip(SIGNATURE_FIELDS, fields)))
    build_message(signature, kind, token if needs_link else None).send()
    sent_at = timezone.now()
    retry_on_db_error(lambda: _mark_sent(email_id, sent_at), what=f"record signer email {email_id} as sent")
    return "sent"


_mark_sent = SignatureEmail.mark_sent
_record_failure = SignatureEmail.record_failure
