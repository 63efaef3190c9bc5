"""Staff decisions on endorsements: verify (listed publicly, the contact told) or reject (with a reason).

Each decision is one transaction on the locked endorsement row: the status changes only from
a state it may change from, who decided and when are recorded, and verifying for the first
time queues the "your organization is listed" email with its row (``staff_emails``), so the
email exists exactly when the decision does.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from campaigns.letters.models import MAX_EMAILS_PER_SIGNER, Endorsement, EndorsementStatus, LetterEmail, LetterEmailKind
from campaigns.letters.tasks import send_letter_email

# The states staff may decide from; awaiting_confirmation is the contact's to move, not staff's.
MAY_VERIFY = {EndorsementStatus.PENDING, EndorsementStatus.DUPLICATE, EndorsementStatus.REJECTED}
MAY_REJECT = {EndorsementStatus.PENDING, EndorsementStatus.DUPLICATE, EndorsementStatus.VERIFIED}


def decider_name(user):
    return (user.get_full_name() or user.get_username())[:150]


def verify(endorsement_id, user, letter_key):
    """Verify the endorsement; return it, or None if it is not (or no longer) in a state to verify."""
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update()
            .filter(pk=endorsement_id, letter_key=letter_key, status__in=MAY_VERIFY)
            .first()
        )
        if endorsement is None:
            return None
        endorsement.status = EndorsementStatus.VERIFIED
        endorsement.decided_at = timezone.now()
        endorsement.decided_by = user
        endorsement.decided_by_name = decider_name(user)
        endorsement.rejection_reason = ""
        endorsement.save(update_fields=["status", "decided_at", "decided_by", "decided_by_name", "rejection_reason"])
        # The task's row is in this database and this transaction: the email is queued if and only if
        # the decision commits. Verified again after a rejection, the contact is not told twice.
        already_told = LetterEmail.objects.filter(endorsement=endorsement, kind=LetterEmailKind.LISTED).exists()
        if not already_told and endorsement.emails_count < MAX_EMAILS_PER_SIGNER:
            Endorsement.objects.filter(pk=endorsement.pk).update(emails_count=F("emails_count") + 1)
            email = LetterEmail.objects.create(endorsement=endorsement, kind=LetterEmailKind.LISTED)
            send_letter_email.enqueue(email.pk)
        return endorsement


def reject(endorsement_id, user, letter_key, reason):
    """Reject the endorsement with ``reason`` (required); return it, or None if it may not be rejected now."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update()
            .filter(pk=endorsement_id, letter_key=letter_key, status__in=MAY_REJECT)
            .first()
        )
        if endorsement is None:
            return None
        endorsement.status = EndorsementStatus.REJECTED
        endorsement.decided_at = timezone.now()
        endorsement.decided_by = user
        endorsement.decided_by_name = decider_name(user)
        endorsement.rejection_reason = reason[:1000]
        endorsement.save(update_fields=["status", "decided_at", "decided_by", "decided_by_name", "rejection_reason"])
        return endorsement
