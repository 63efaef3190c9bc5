"""How long signers' data is kept: the core's periods (``supporter_actions/retention.py``) applied to petitions.

Run by ``manage.py purge_supporter_data`` with every other action's rules (``purge_petition_data``
runs only these, with a line per petition). Three rules, each a query that finds only what is
left to do, so running them every day (or twice) is safe:

1. Signatures never confirmed nor counted are deleted 30 days after signing
   (their emails go with them). Signatures counted without confirmation
   (approved by staff, or on a petition that counts at once) stay.
2. The keyed hash of the signer's address is emptied 30 days after signing.
3. Once a petition (every translation of it) has been closed for
   ``SUPPORTER_RETENTION_DAYS`` (180 by default), its signatures lose name,
   email, postal code and comment; counts and country stay. Each email becomes
   ``anonymized-<id>@invalid`` so the one-signature-per-email rule still holds.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from campaigns.petitions.models import PetitionPage, Signature
from campaigns.petitions.removal import delete_signatures
from supporter_actions import retention
from supporter_actions.retention import IP_HASH_DAYS, UNCONFIRMED_DAYS, Step, placeholder_email, retention_days

ACTION = "petitions"
__all__ = ["IP_HASH_DAYS", "UNCONFIRMED_DAYS", "retention_days", "purge"]


@dataclass
class PurgeReport:
    """What a purge did (or, on a dry run, would do)."""

    unconfirmed_deleted: int = 0
    ip_hashes_cleared: int = 0
    anonymized: dict = field(default_factory=dict)  # petition title -> signatures anonymized

    @property
    def anonymized_total(self):
        return sum(self.anonymized.values())


def stale_unconfirmed(now):
    return Signature.objects.filter(
        confirmed_at__isnull=True, counted_at__isnull=True, created_at__lt=retention.unconfirmed_cutoff(now)
    )


def stale_ip_hashes(now):
    """Hashes older than the core's period, leaving out rows the first rule deletes in the same run."""
    doomed = stale_unconfirmed(now).values("pk")
    return Signature.objects.filter(created_at__lt=retention.ip_hash_cutoff(now)).exclude(ip_hash="").exclude(pk__in=doomed)


def long_closed_petition_keys(now):
    """Translation keys of petitions whose every translation closed more than the retention period ago."""
    cutoff = retention.closed_cutoff(now)
    open_version = PetitionPage.objects.filter(translation_key=OuterRef("translation_key")).filter(
        Q(deadline__isnull=True) | Q(deadline__gte=cutoff)
    )
    return set(
        PetitionPage.objects.filter(deadline__lt=cutoff)
        .exclude(Exists(open_version))
        .values_list("translation_key", flat=True)
        .distinct()
    )


def to_anonymize(now):
    doomed = stale_unconfirmed(now).values("pk")
    return Signature.objects.filter(
        petition_key__in=long_closed_petition_keys(now), anonymised_at__isnull=True
    ).exclude(pk__in=doomed)


def anonymize(queryset, now):
    """Blank personal fields of ``queryset``'s signatures in one UPDATE; return how many."""
    placeholder = placeholder_email()
    return queryset.update(
        first_name="",
        last_name="",
        email=placeholder,
        email_normalized=placeholder,
        postal_code="",
        comment="",
        ip_hash="",
        show_name=False,
        opt_in_news=False,
        token_hash="",
        token_expires_at=None,
        anonymised_at=now,
    )


def petition_titles(keys):
    """A readable title per translation key (the default language's version when there is one)."""
    titles = {}
    pages = PetitionPage.objects.filter(translation_key__in=keys).select_related("locale").order_by("pk")
    for page in pages:
        if page.translation_key not in titles or page.locale.language_code == settings.LANGUAGE_CODE:
            titles[page.translation_key] = page.title
    return titles


STEPS = [
    Step(
        done="Deleted {count} signature(s) unconfirmed for more than {unconfirmed_days} days.",
        would="Would delete {count} signature(s) unconfirmed for more than {unconfirmed_days} days.",
        find=stale_unconfirmed,
        apply=lambda queryset, now: delete_signatures(queryset),
    ),
    Step(
        done="Dropped {count} address hash(es) older than {ip_hash_days} days.",
        would="Would drop {count} address hash(es) older than {ip_hash_days} days.",
        find=stale_ip_hashes,
        apply=lambda queryset, now: queryset.update(ip_hash=""),
    ),
    Step(
        done="Anonymized {count} signature(s) of petitions closed for more than {retention_days} days.",
        would="Would anonymize {count} signature(s) of petitions closed for more than {retention_days} days.",
        find=to_anonymize,
        apply=anonymize,
    ),
]

retention.register(ACTION, STEPS)


def purge(dry_run=False, now=None):
    """Apply the three rules through the core (or only count what they would touch); return a ``PurgeReport``.

    Besides the core's totals, it says how many signatures of each petition are anonymized.
    """
    now = now or timezone.now()
    with transaction.atomic():
        counts = dict(
            to_anonymize(now).order_by().values_list("petition_key").annotate(n=Count("pk")).values_list("petition_key", "n")
        )
        titles = petition_titles(counts.keys())
        (_, deleted), (_, cleared), _ = retention.purge(dry_run=dry_run, now=now, actions=[ACTION])[ACTION]
    return PurgeReport(
        unconfirmed_deleted=deleted,
        ip_hashes_cleared=cleared,
        anonymized={titles.get(key, str(key)): n for key, n in counts.items()},
    )
