"""Removing and approving signatures while keeping every petition's tally exact.

Withdrawal by the signer, deletion or rejection by staff, bulk invalidation and
the retention purge all go through ``delete_signatures``: it locks the rows
(``SELECT ... FOR UPDATE``), counts how many of them were counted per petition,
deletes them and lowers those tallies in the same transaction. A confirmation
racing with it locks the same row first or finds it gone, so the tally never
drifts. ``approve_signature`` is the staff counterpart of confirmation for a
flagged signature.
"""

from collections import Counter

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from campaigns.petitions.models import FlagReason, Signature, TallyShard
from campaigns.petitions.signing import add_to_tally, change_tally


def subtract_from_tally(petition_key, amount):
    """Lower the petition's tally by ``amount`` in the current transaction (on one of its shards)."""
    if amount > 0:
        change_tally(petition_key, -amount)


def delete_signatures(queryset, expected=None):
    """Delete the signatures of ``queryset`` and lower the tallies by the counted ones among them.

    Returns the number of signatures deleted. With ``expected`` set, nothing is
    deleted (and ``None`` is returned) unless exactly that many rows match at
    the moment they are locked: what staff previewed is what goes.
    """
    with transaction.atomic():
        rows = list(queryset.order_by("pk").select_for_update(of=("self",)).values_list("pk", "petition_key", "counted_at"))
        if expected is not None and len(rows) != expected:
            return None
        if not rows:
            return 0
        counted = Counter(key for _pk, key, counted_at in rows if counted_at is not None)
        Signature.objects.filter(pk__in=[pk for pk, _key, _counted in rows]).delete()
        for key, amount in counted.items():
            subtract_from_tally(key, amount)
    return len(rows)


def delete_signature(signature_id, petition_key=None):
    """Delete one signature (of that petition, if given); True when there was one to delete."""
    queryset = Signature.objects.filter(pk=signature_id)
    if petition_key is not None:
        queryset = queryset.filter(petition_key=petition_key)
    return delete_signatures(queryset) == 1


def approve_signature(signature_id, petition_key):
    """Clear a flagged signature's flag and count it (tally + 1) in one transaction; True if it was flagged."""
    now = timezone.now()
    with transaction.atomic():
        signature = (
            Signature.objects.select_for_update()
            .filter(pk=signature_id, petition_key=petition_key, counted_at__isnull=True)
            .exclude(flag=FlagReason.NONE)
            .only("pk")
            .first()
        )
        if signature is None:
            return False
        Signature.objects.filter(pk=signature.pk).update(flag=FlagReason.NONE, counted_at=now)
        add_to_tally(petition_key, 1)
    return True


def reject_signature(signature_id, petition_key):
    """Delete a flagged, uncounted signature; True if there was one."""
    queryset = Signature.objects.filter(pk=signature_id, petition_key=petition_key, counted_at__isnull=True).exclude(
        flag=FlagReason.NONE
    )
    return delete_signatures(queryset) == 1


def tally_counts(keys):
    """``{petition_key: counted}`` for the given keys (missing tallies count as 0)."""
    totals = (
        TallyShard.objects.filter(petition_key__in=list(keys))
        .values("petition_key")
        .annotate(total=Sum("counted"))
        .values_list("petition_key", "total")
    )
    return {key: max(total, 0) for key, total in totals}
