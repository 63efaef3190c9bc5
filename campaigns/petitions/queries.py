"""Signature querysets the staff tools share: the listing's filters, totals per state, bulk invalidation.

The bulk invalidation preview and the deletion it confirms call the same
``invalidation_queryset`` with the same criteria, so the number staff see is
the number removed (``removal.delete_signatures`` checks it once more under lock).
"""

import datetime
import zoneinfo

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from campaigns.petitions.models import FlagReason, Signature, SignatureEmail


class State:
    """A signature's state as staff see it."""

    COUNTED = "counted"
    PENDING = "pending"
    FLAGGED = "flagged"


STATE_FILTERS = {
    State.COUNTED: Q(counted_at__isnull=False),
    State.PENDING: Q(counted_at__isnull=True, flag=FlagReason.NONE),
    State.FLAGGED: Q(counted_at__isnull=True) & ~Q(flag=FlagReason.NONE),
}


def petition_zone(petition):
    """The petition's time zone (the site's if it is missing or unknown)."""
    try:
        return zoneinfo.ZoneInfo(petition.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


def day_start(day, zone):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def email_undeliverable():
    """True for a signature one of whose emails the mail server refused for good (or retries ran out)."""
    return Exists(SignatureEmail.objects.filter(signature=OuterRef("pk"), failed_at__isnull=False))


def filter_signatures(queryset, zone, state="", date_from=None, date_to=None, opted_in=False, search="",
                      undeliverable=False):
    """Apply the listing's filters; dates are whole days in ``zone``, both ends included."""
    if undeliverable:
        queryset = queryset.filter(email_undeliverable())
    if state in STATE_FILTERS:
        queryset = queryset.filter(STATE_FILTERS[state])
    if date_from:
        queryset = queryset.filter(created_at__gte=day_start(date_from, zone))
    if date_to:
        queryset = queryset.filter(created_at__lt=day_start(date_to + datetime.timedelta(days=1), zone))
    if opted_in:
        queryset = queryset.filter(opt_in_news=True)
    for term in search.split():
        queryset = queryset.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(email__icontains=term)  # as stored and mailed: "+tag" and the domain's punycode
            | Q(email_normalized__icontains=term.lower())  # the dedup key: googlemail as gmail, no dots
        )
    return queryset


def state_totals(petition_keys):
    """``{petition_key: {"counted": n, "pending": n, "flagged": n, "total": n}}`` in one query."""
    rows = (
        Signature.objects.filter(petition_key__in=list(petition_keys))
        .order_by()
        .values("petition_key")
        .annotate(
            total=Count("pk"),
            **{state: Count("pk", filter=condition) for state, condition in STATE_FILTERS.items()},
        )
    )
    empty = {State.COUNTED: 0, State.PENDING: 0, State.FLAGGED: 0, "total": 0}
    totals = {key: dict(empty) for key in petition_keys}
    for row in rows:
        totals[row.pop("petition_key")] = row
    return totals


def invalidation_queryset(petition_key, zone, date_from=None, date_to=None, ip_hash="", email_domain="", up_to_pk=None):
    """Signatures of one petition matching every given criterion (at least one must be given)."""
    if not (date_from or date_to or ip_hash or email_domain):
        return Signature.objects.none()
    queryset = filter_signatures(
        Signature.objects.filter(petition_key=petition_key), zone, date_from=date_from, date_to=date_to
    )
    if ip_hash:
        queryset = queryset.filter(ip_hash=ip_hash.strip().lower())
    if email_domain:
        domain = email_domain.strip().lower().lstrip("@")
        try:  # stored addresses carry the domain in its IDNA (punycode) form
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            pass
        queryset = queryset.filter(Q(email__iendswith="@" + domain) | Q(email_normalized__endswith="@" + domain))
    if up_to_pk is not None:
        queryset = queryset.filter(pk__lte=up_to_pk)
    return queryset
