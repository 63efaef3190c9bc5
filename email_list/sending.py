"""Sending a digest: one ``DigestSend`` row per recipient, worked through by the background worker, each email once.

Starting a send (``start``) writes every recipient's row in one statement (unique per digest and
subscriber, so starting twice adds nobody twice) and queues ``EMAIL_LIST_SEND_TASKS`` runs of the
``send_digest`` task. Each run (``run``) reserves a batch of due rows with
``SELECT … FOR UPDATE SKIP LOCKED`` (so parallel runs never take the same row), sends them over
one SMTP connection, and stops after ``EMAIL_LIST_RUN_SECONDS``, queueing its own successor while
work remains (a run never outlives the worker's task lease). Pausing stops the runs between
batches; resuming queues them again.

The exactly-once rule. A row moves ``queued → reserved → handed_over → sent``:

1. *reserved*: the run's own claim id is written (committed) on a batch of rows.
2. For each row the run speaks SMTP up to the last step: MAIL, RCPT, DATA and the whole message,
   **except the final ``.``** that makes the server take it.
3. *handed_over*: one ``UPDATE … WHERE state = 'reserved' AND claim = <ours>`` commits. Only one
   run can ever win it. If it fails (the database is away) or matches nothing (another run took
   the row after ours was given up for dead), the run drops the SMTP connection without the
   final dot, and the server discards the message (RFC 5321: an unfinished DATA is not delivered).
4. The final dot is written; on the server's 250 the row becomes *sent*, recorded with
   ``retry_on_db_error`` (so a database restart at that moment does not lose the record).

A worker asked to stop (SIGTERM: a deploy, ``systemctl restart``) is not a crash: the run checks
``nnirr_site.background.stopping`` before each email, puts the rest of its batch back in the queue
and queues its successor, so the worker exits within one email and the next worker sends every
remaining email exactly once (``tests/email_list/test_digest_faults.py`` restarts a worker that
way halfway through a send and counts each address at the SMTP server).

What a crash leaves: a row still *reserved* was never given its final dot, so it is sent again by
a later run (the same task queued again by the worker's recovery releases its earlier run's rows
at once; any other reservation older than ``EMAIL_LIST_RESERVATION_SECONDS`` is taken back). A row
*handed_over* may have been delivered and is **never sent again**: it counts as sent, "reply not
recorded". So the send is at-most-once, and the only window in which an email can be lost is a
kill between the hand-over commit and the write of the five bytes ``.\r\n`` to the socket (a
kill after that write still delivers: the kernel sends buffered data when the process dies), or
a connection that breaks after the dot before the reply (the server may or may not have taken
it). No window sends an email twice. ``tests/email_list/test_digest_faults.py`` kills a worker
halfway through a send and restarts the database during one; ``bench/email_list.py`` kills it
halfway through 20,000.

Refusals: a 4xx (greylisting, mailbox full, a dropped connection before the hand-over) puts the
row back in the queue after ``nnirr_site.background.delivery.retry_delay`` (the rule every
supporter email follows), up to ``SUPPORTER_EMAIL_MAX_ATTEMPTS``; a 5xx for the recipient or the
message (``mail_errors.is_permanent``) fails the row and marks the subscriber bounced, so nothing
more is sent to that address. Someone who unsubscribed or bounced after the send started is
skipped.
"""

import logging
import re
import smtplib
import socket
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.message import sanitize_address
from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone

from email_list import consent
from email_list.digest_email import DigestTemplate
from email_list.models import Digest, DigestSend, DigestStatus, SendState, Subscriber, Subscription, SubscriptionStatus
from nnirr_site.background import delivery, mail_errors, stopping
from nnirr_site.background.database import retry_on_db_error

logger = logging.getLogger(__name__)

TABLE = DigestSend._meta.db_table

RECIPIENTS = f"""
INSERT INTO {TABLE} (digest_id, subscriber_id, state, next_attempt_at, claim, claim_task, attempts, last_error)
SELECT %(digest)s, subscription.subscriber_id, 'queued', %(now)s, '', '', 0, ''
FROM {Subscription._meta.db_table} AS subscription
JOIN {Subscriber._meta.db_table} AS subscriber ON subscriber.id = subscription.subscriber_id
WHERE subscription.mailing_list_id = %(list)s AND subscription.status = 'active'
  AND subscriber.bounced_at IS NULL AND subscriber.complained_at IS NULL
  AND (%(any_language)s OR subscriber.language = %(language)s)
ORDER BY subscription.subscriber_id
ON CONFLICT (digest_id, subscriber_id) DO NOTHING
"""

RESERVE = f"""
WITH picked AS (
    SELECT id FROM {TABLE}
    WHERE digest_id = %(digest)s
      AND ((state = 'queued' AND next_attempt_at <= %(now)s) OR (state = 'reserved' AND reserved_at < %(stale)s))
    ORDER BY id
    LIMIT %(size)s
    FOR UPDATE SKIP LOCKED
)
UPDATE {TABLE} AS send SET state = 'reserved', claim = %(claim)s, claim_task = %(task)s, reserved_at = %(now)s
FROM picked WHERE send.id = picked.id
RETURNING send.id, send.subscriber_id, send.attempts
"""


# --- Starting, pausing, resuming -----------------------------------------------------------------


def recipients_language_filter(digest):
    """A list with its own language sends to everyone on it; otherwise only to subscribers of the digest's language."""
    return {"any_language": bool(digest.mailing_list.language), "language": digest.language}


def start(digest, username, task):
    """Write every recipient's row and queue the runs; False when the digest is not a draft."""
    now = timezone.now()
    with transaction.atomic():
        digest = Digest.objects.select_for_update().select_related("mailing_list").get(pk=digest.pk)
        if digest.status != DigestStatus.DRAFT:
            return False
        with connection.cursor() as cursor:
            cursor.execute(RECIPIENTS, {"digest": digest.pk, "now": now, "list": digest.mailing_list_id,
                                        **recipients_language_filter(digest)})
        Digest.objects.filter(pk=digest.pk).update(status=DigestStatus.SENDING, send_started_at=now,
                                                   started_by=username[:150])
        for _ in range(settings.EMAIL_LIST_SEND_TASKS):
            task.enqueue(digest.pk)
    return True


def pause(digest):
    return bool(Digest.objects.filter(pk=digest.pk, status=DigestStatus.SENDING).update(status=DigestStatus.PAUSED))


def resume(digest, task):
    with transaction.atomic():
        if not Digest.objects.filter(pk=digest.pk, status=DigestStatus.PAUSED).update(status=DigestStatus.SENDING):
            return False
        for _ in range(settings.EMAIL_LIST_SEND_TASKS):
            task.enqueue(digest.pk)
    return True


def counts(digest):
    """Rows per state (every state present, zeros included)."""
    found = dict(DigestSend.objects.filter(digest=digest).values("state").annotate(count=Count("id"))
                 .values_list("state", "count"))
    return {state: found.get(state, 0) for state in SendState.values}


# --- One run of the task --------------------------------------------------------------------------


class NotHandedOver(Exception):
    """The SMTP exchange failed before the final dot: the email was not delivered and may be sent again."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


class AfterHandOver(Exception):
    """The server answered the final dot with an error (``error``), or the connection broke after it."""

    def __init__(self, error, reply_known):
        super().__init__(str(error))
        self.error = error
        self.reply_known = reply_known


LEADING_DOT = re.compile(rb"(?m)^\.")
BARE_EOL = re.compile(rb"(?:\r\n|\n|\r(?!\n))")


def smtp_transaction(smtp, from_address, to_address, data, hand_over):
    """Send one message on an open ``smtplib.SMTP``, calling ``hand_over()`` just before the final dot.

    Returns True when the server took it, False when ``hand_over()`` said no (the connection is then
    closed without the dot, so the server discards the message). See the module docstring.
    """
    try:
        smtp.ehlo_or_helo_if_needed()
        code, reply = smtp.mail(from_address)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, from_address)
        code, reply = smtp.rcpt(to_address)
        if code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({to_address: (code, reply)})
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        body = LEADING_DOT.sub(b"..", BARE_EOL.sub(b"\r\n", data))
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        smtp.send(body)
    except (OSError, smtplib.SMTPException) as exc:
        _reset(smtp, exc)
        raise NotHandedOver(exc) from exc
    try:
        accepted = hand_over()
    except BaseException:
        _drop(smtp)
        raise
    if not accepted:
        _drop(smtp)
        return False
    try:
        smtp.send(b".\r\n")
        code, reply = smtp.getreply()
    except (OSError, smtplib.SMTPException) as exc:
        _drop(smtp)
        raise AfterHandOver(exc, reply_known=False) from exc
    if code != 250:
        raise AfterHandOver(smtplib.SMTPDataError(code, reply), reply_known=True)
    return True


def _reset(smtp, exc):
    """After a refusal the connection may go on (RSET); after a broken connection it is dropped."""
    if isinstance(exc, (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        try:
            smtp.rset()
            return
        except (OSError, smtplib.SMTPException):
            pass
    _drop(smtp)


def _drop(smtp):
    try:
        smtp.close()
    except Exception:  # already broken
        pass


class Mailer:
    """One SMTP connection (Django's configured backend) reused for every email of a batch."""

    def __init__(self):
        self.backend = None

    @property
    def smtp(self):
        if self.backend is None or getattr(self.backend, "connection", None) is None or self.backend.connection.sock is None:
            self.close()
            self.backend = get_connection(fail_silently=False)
            self.backend.open()
            # The final "." is a 3-byte write right after the message: with Nagle's algorithm it waits for the
            # server's delayed ACK of the message (40 ms on Linux), which capped a send at 20 emails/s.
            self.backend.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self.backend.connection

    def send(self, message, hand_over):
        from_address = sanitize_address(message.from_email, message.encoding or settings.DEFAULT_CHARSET)
        to_address = sanitize_address(message.to[0], message.encoding or settings.DEFAULT_CHARSET)
        data = message.message().as_bytes(linesep="\r\n")
        try:
            smtp = self.smtp
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise NotHandedOver(exc) from exc
        return smtp_transaction(smtp, from_address, to_address, data, hand_over)

    def close(self):
        if self.backend is not None:
            try:
                self.backend.close()
            except Exception:
                pass
        self.backend = None


class OtherBackendMailer:
    """For a backend that is not SMTP (tests' locmem, the console): hand over, then send (at-most-once too)."""

    def __init__(self):
        self.backend = get_connection(fail_silently=False)

    def send(self, message, hand_over):
        if not hand_over():
            return False
        try:
            self.backend.send_messages([message])
        except (OSError, smtplib.SMTPException) as exc:
            raise AfterHandOver(exc, reply_known=mail_errors.reply_codes(exc) != []) from exc
        return True

    def close(self):
        pass


def mailer():
    backend = get_connection(fail_silently=False)
    return Mailer() if isinstance(backend, smtp_backend_class()) else OtherBackendMailer()


def smtp_backend_class():
    from django.core.mail.backends.smtp import EmailBackend

    return EmailBackend


def _release_task_reservations(digest_id, task_id):
    """Rows an earlier run of this same task reserved: that run is dead (the worker queued the task again)."""
    return DigestSend.objects.filter(digest_id=digest_id, state=SendState.RESERVED, claim_task=task_id).update(
        state=SendState.QUEUED, claim=""
    )


def _release_claim(claim):
    return DigestSend.objects.filter(state=SendState.RESERVED, claim=claim).update(state=SendState.QUEUED, claim="")


def _reserve(digest_id, claim, task_id):
    now = timezone.now()
    params = {
        "digest": digest_id,
        "now": now,
        "stale": now - timedelta(seconds=settings.EMAIL_LIST_RESERVATION_SECONDS),
        "size": settings.EMAIL_LIST_BATCH_SIZE,
        "claim": claim,
        "task": task_id,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(RESERVE, params)
        return sorted(cursor.fetchall())


def _hand_over(send_id, claim):
    return DigestSend.objects.filter(pk=send_id, state=SendState.RESERVED, claim=claim).update(
        state=SendState.HANDED_OVER, handed_over_at=timezone.now()
    ) == 1


def _mark_sent(send_id, attempts):
    DigestSend.objects.filter(pk=send_id, state=SendState.HANDED_OVER).update(
        state=SendState.SENT, sent_at=timezone.now(), attempts=attempts + 1
    )


def _set_state(send_id, from_states, **changes):
    return DigestSend.objects.filter(pk=send_id, state__in=from_states).update(**changes)


class Run:
    """One run of ``send_digest``: reserve batches and send them until done, paused or out of time."""

    def __init__(self, digest, task_id):
        self.digest = digest
        self.task_id = task_id
        self.claim = uuid.uuid4().hex
        self.template = DigestTemplate(digest)
        self.sent = 0

    def go(self, deadline):
        mail = mailer()
        try:
            while time.monotonic() < deadline:
                if stopping.requested():
                    return "worker stopping"
                if Digest.objects.filter(pk=self.digest.pk).values_list("status", flat=True).first() != DigestStatus.SENDING:
                    return "paused"
                rows = _reserve(self.digest.pk, self.claim, self.task_id)
                if not rows:
                    return "no rows"
                ended = self.send_batch(mail, rows)
                if ended:
                    return ended
            return "out of time"
        finally:
            mail.close()
            _release_claim(self.claim)

    def send_batch(self, mail, rows):
        subscriber_ids = [subscriber_id for _id, subscriber_id, _attempts in rows]
        subscribers = Subscriber.objects.in_bulk(subscriber_ids)
        active = set(
            Subscription.objects.filter(
                mailing_list_id=self.digest.mailing_list_id, status=SubscriptionStatus.ACTIVE,
                subscriber_id__in=subscriber_ids,
            ).values_list("subscriber_id", flat=True)
        )
        for position, (send_id, subscriber_id, attempts) in enumerate(rows):
            if stopping.requested():  # the rest of the batch goes back to the queue (go() releases our claim)
                return "worker stopping"
            subscriber = subscribers.get(subscriber_id)
            if subscriber is None or not subscriber.can_receive or subscriber_id not in active:
                _set_state(send_id, [SendState.RESERVED], state=SendState.SKIPPED, claim="")
                continue
            message = self.template.message_for(subscriber)
            try:
                delivered = mail.send(message, lambda: _hand_over(send_id, self.claim))
            except NotHandedOver as exc:
                self.refused(send_id, subscriber_id, attempts, exc.error, SendState.RESERVED)
                if not mail_errors.reply_codes(exc.error):  # the server is away: leave the rest for later
                    delay = delivery.retry_delay(attempts + 1)
                    later = timezone.now() + delay
                    for other_id, _sub, _att in rows[position + 1:]:
                        _set_state(other_id, [SendState.RESERVED], state=SendState.QUEUED, claim="",
                                   next_attempt_at=later)
                    return "mail server unreachable"
                continue
            except AfterHandOver as exc:
                if exc.reply_known:
                    self.refused(send_id, subscriber_id, attempts, exc.error, SendState.HANDED_OVER)
                else:
                    retry_on_db_error(lambda: _set_state(send_id, [SendState.HANDED_OVER], last_error=(
                        "connection lost after the final dot; may have been delivered")),
                        what=f"note digest send {send_id}")
                continue
            if delivered:
                retry_on_db_error(lambda: _mark_sent(send_id, attempts), what=f"record digest send {send_id} as sent")
                self.sent += 1
        return None

    def refused(self, send_id, subscriber_id, attempts, error, from_state):
        attempts += 1
        description = mail_errors.describe(error)
        if mail_errors.is_permanent(error):
            _set_state(send_id, [from_state], state=SendState.FAILED, claim="", attempts=attempts,
                       last_error=description)
            consent.mark_bounced(subscriber_id, f"digest {self.digest.pk}: {description}")
            logger.warning("Digest %s email %s refused permanently (%s).", self.digest.pk, send_id, description)
        elif attempts >= settings.SUPPORTER_EMAIL_MAX_ATTEMPTS:
            _set_state(send_id, [from_state], state=SendState.FAILED, claim="", attempts=attempts,
                       last_error=description)
            logger.error("Digest %s email %s failed %s times; giving up.", self.digest.pk, send_id, attempts)
        else:
            _set_state(send_id, [from_state], state=SendState.QUEUED, claim="", attempts=attempts,
                       last_error=description, next_attempt_at=timezone.now() + delivery.retry_delay(attempts))
            logger.warning("Digest %s email %s not sent (%s); trying again later.", self.digest.pk, send_id,
                           description)


def run(digest_id, task_id, successor):
    """The task's body: release an earlier run's rows, send until done or out of time, then finish or continue."""
    _release_task_reservations(digest_id, task_id)
    digest = Digest.objects.select_related("mailing_list").filter(pk=digest_id).first()
    if digest is None or digest.status != DigestStatus.SENDING:
        return "not sending"
    this_run = Run(digest, task_id)
    ended = this_run.go(time.monotonic() + settings.EMAIL_LIST_RUN_SECONDS)
    logger.info("Digest %s: %s emails sent by this run (%s).", digest_id, this_run.sent, ended)
    return finish_or_continue(digest_id, successor, ended)


def finish_or_continue(digest_id, successor, ended):
    now = timezone.now()
    with transaction.atomic():
        digest = Digest.objects.select_for_update().get(pk=digest_id)
        open_rows = DigestSend.objects.filter(digest_id=digest_id, state__in=[SendState.QUEUED, SendState.RESERVED])
        if not open_rows.exists():
            if digest.status in (DigestStatus.SENDING, DigestStatus.PAUSED):
                Digest.objects.filter(pk=digest_id).update(status=DigestStatus.SENT, finished_at=now)
            return f"{ended}; finished"
        if digest.status != DigestStatus.SENDING:
            return f"{ended}; {digest.status}"
        next_due = open_rows.filter(state=SendState.QUEUED).aggregate(at=Min("next_attempt_at"))["at"]
        if next_due is None:  # only rows other runs hold: look again once theirs could be taken back
            next_due = now + timedelta(seconds=min(settings.EMAIL_LIST_RESERVATION_SECONDS, 60))
        successor.using(run_after=max(next_due, now)).enqueue(digest_id)
        return f"{ended}; continues"
