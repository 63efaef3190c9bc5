"""How long signers' data is kept, and removing it when that time is up (``manage.py purge_petition_data``).

Three rules, each a query that finds only what is left to do, so running them
every day (or twice) is safe:

1. Signatures never confirmed nor counted are deleted 30 days after signing
   (their emails go with them). Signatures counted without confirmation
   (approved by staff, or on a petition that counts at once) stay.
2. The keyed hash of the signer's address is emptied 30 days after signing.
3. Once a petition (every translation of it) has been closed for
   ``SUPPORTER_RETENTION_DAYS`` (180 by default), its signatures lose name,
   email, postal code and comment; counts and country stay. Each email becomes
   ``anonymised-<id>@invalid`` so the one-signature-per-email rule still holds.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from campaigns.petitions.models import PetitionPage, Signature
from campaigns.petitions.removal import delete_signatures

UNCONFIRMED_DAYS = 30
IP_HASH_DAYS = 30


def retention_days():
    return getattr(settings, "SUPPORTER_RETENTION_DAYS", 180)


@dataclass
class PurgeReport:
    """What a purge did (or, on a dry run, would do)."""

    unconfirmed_deleted: int = 0
    ip_hashes_cleared: int = 0
    anonymised: dict = field(default_factory=dict)  # petition title -> signatures anonymised

    @property
    def anonymised_total(self):
        return sum(self.anonymised.values())


def stale_unconfirmed(now):
    return Signature.objects.filter(
        confirmed_at__isnull=True, counted_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    )


def stale_ip_hashes(now):
    return Signature.objects.filter(created_at__lt=now - timedelta(days=IP_HASH_DAYS)).exclude(ip_hash="")


def long_closed_petition_keys(now):
    """Translation keys of petitions whose every translation closed more than the retention period ago."""
    cutoff = now - timedelta(days=retention_days())
    open_version = PetitionPage.objects.filter(translation_key=OuterRef("translation_key")).filter(
        Q(deadline__isnull=True) | Q(deadline__gte=cutoff)
    )
    return set(
        PetitionPage.objects.filter(deadline__lt=cutoff)
        .exclude(Exists(open_version))
        .values_list("translation_key", flat=True)
        .distinct()
    )


def to_anonymise(now):
    return Signature.objects.filter(petition_key__in=long_closed_petition_keys(now), anonymised_at__isnull=True)


def anonymise(queryset, now):
    """Blank personal fields of ``queryset``'s signatures in one UPDATE; return how many."""
    placeholder = Concat(Value("anonymised-"), Cast("pk", CharField()), Value("@invalid"))
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


def purge(dry_run=False, now=None):
    """Apply the three rules in order (or only count what they would touch); return a ``PurgeReport``."""
    now = now or timezone.now()
    report = PurgeReport()
    with transaction.atomic():
        # Rows the first rule deletes are left out of the other two, so a dry run counts what a real run does.
        doomed = stale_unconfirmed(now).values("pk")
        if dry_run:
            report.unconfirmed_deleted = stale_unconfirmed(now).count()
        else:
            report.unconfirmed_deleted = delete_signatures(stale_unconfirmed(now))
        ip_hashes = stale_ip_hashes(now).exclude(pk__in=doomed)
        report.ip_hashes_cleared = ip_hashes.count() if dry_run else ip_hashes.update(ip_hash="")
        pending = to_anonymise(now).exclude(pk__in=doomed)
        counts = dict(pending.order_by().values_list("petition_key").annotate(n=Count("pk")).values_list("petition_key", "n"))
        titles = petition_titles(counts.keys())
        report.anonymised = {titles.get(key, str(key)): n for key, n in counts.items()}
        if not dry_run:
            anonymise(pending, now)
    return report
