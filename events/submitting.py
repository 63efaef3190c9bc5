"""The rules of the "Add your event" form: storing a submission with its confirmation email, confirming it.

As for every supporter action (``supporter_actions``): the form stamp's nonce is used up in the
transaction that stores the submission (a stamp stores at most one), the per-address rate limit
counts recent submissions with the same address hash within the core's window and flags, rather
than refuses, what goes over it (a flagged submission gets no email and never reaches the queue),
and the email task is queued in the same transaction. At most five emails ever go to one submission.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from events.models import EventEmail, EventEmailKind, EventSubmission, SubmissionStatus
from events.models.submissions import MAX_EMAILS_PER_SUBMISSION
from events.tasks import send_event_email
from supporter_actions import tokens
from supporter_actions.abuse import rate_limit_window, use_form_stamp


class Outcome:
    """What happened to a submission; the visitor sees the same thank-you page for all of them."""

    NEW = "new"
    RATE_LIMITED = "rate_limited"
    BOT = "bot"


def _rate_limited(ip_hash, now):
    limit = getattr(settings, "SUPPORTER_RATE_LIMIT", 5)
    if limit <= 0 or not ip_hash:
        return False
    return EventSubmission.objects.filter(ip_hash=ip_hash, created_at__gte=now - rate_limit_window()).count() >= limit


def record_submission(index_page, fields, language, ip_hash="", stamp_nonce=None):
    """Store a submission (``fields``: the model's fields from the form) and queue its confirmation email."""
    now = timezone.now()
    with transaction.atomic():
        if stamp_nonce is not None and not use_form_stamp(stamp_nonce, now):
            return Outcome.BOT
        flagged = _rate_limited(ip_hash, now)
        submission = EventSubmission.objects.create(
            index_page=index_page, language=language, ip_hash=ip_hash, flagged=flagged, created_at=now, **fields
        )
        if flagged:
            return Outcome.RATE_LIMITED
        queue_email(submission, EventEmailKind.CONFIRM)
        return Outcome.NEW


def queue_email(submission, kind):
    """Queue one email to the organizer unless they have had five; call inside a transaction."""
    allowed = EventSubmission.objects.filter(pk=submission.pk, emails_count__lt=MAX_EMAILS_PER_SUBMISSION).update(
        emails_count=F("emails_count") + 1
    )
    if not allowed:
        return None
    email = EventEmail.objects.create(submission_id=submission.pk, kind=kind)
    send_event_email.enqueue(email.pk)
    return email


def _unconfirmed(token, for_update=False):
    if not tokens.looks_valid(token):
        return None
    rows = EventSubmission.objects.filter(token_hash=tokens.hash_token(token), confirmed_at__isnull=True)
    if for_update:
        rows = rows.select_for_update()
    row = rows.first()
    if row is None or not tokens.token_matches(token, row.token_hash, row.token_expires_at):
        return None
    return row


def find_for_token(token):
    """The unconfirmed submission behind a confirmation link, or None (for the GET page)."""
    return _unconfirmed(token)


def confirm(token):
    """Confirm the submission behind ``token`` once: it enters the staff queue. True when it did."""
    with transaction.atomic():
        submission = _unconfirmed(token, for_update=True)
        if submission is None:
            return False
        EventSubmission.objects.filter(pk=submission.pk).update(
            confirmed_at=timezone.now(), status=SubmissionStatus.PENDING, token_hash="", token_expires_at=None
        )
        return True
