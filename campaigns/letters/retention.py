"""How long sign-on letter data is kept: the core's periods (``supporter_actions/retention.py``) applied to letters.

Run by ``manage.py purge_supporter_data`` with every other action's rules:

1. Endorsements and individual signatures never confirmed are deleted 30 days after signing
   (their emails go with them).
2. The keyed hash of the sender's address is emptied 30 days after signing.
3. A rejected endorsement keeps its organization and the decision, but its contact person's
   details are blanked 30 days after the decision.
4. Once a letter (every translation of it) has been closed for ``SUPPORTER_RETENTION_DAYS``
   (180 by default) — its deadline passed, or delivered or closed by staff — contact persons and
   individual signers lose name, title, email, phone and city; the public list of organizations,
   the counts and the decisions stay. Emails become ``anonymized-<id>@invalid``.

A letter closed by staff without a deadline or a delivery date counts as closed from its last publish.
"""

from django.db.models import Exists, OuterRef, Q

from campaigns.letters.models import DeliveryStatus, Endorsement, EndorsementStatus, IndividualSigner, SignOnLetterPage
from supporter_actions import retention
from supporter_actions.retention import Step, placeholder_email

SIGNERS = (Endorsement, IndividualSigner)


def unconfirmed(model, now):
    return model.objects.filter(confirmed_at__isnull=True, created_at__lt=retention.unconfirmed_cutoff(now))


def _closed_before(cutoff):
    """Letters closed before ``cutoff``: by deadline, by delivery date, or closed/delivered by staff at last publish."""
    staff_closed = ~Q(delivery_status=DeliveryStatus.OPEN)
    return (
        Q(deadline__lt=cutoff)
        | Q(delivery_status=DeliveryStatus.DELIVERED, delivered_on__lt=cutoff.date())
        | (staff_closed & Q(delivered_on__isnull=True) & Q(last_published_at__lt=cutoff))
    )


def long_closed_letter_keys(now):
    """Translation keys of letters whose every translation closed more than the retention period ago."""
    cutoff = retention.closed_cutoff(now)
    still_open = SignOnLetterPage.objects.filter(translation_key=OuterRef("translation_key")).exclude(
        _closed_before(cutoff)
    )
    return (
        SignOnLetterPage.objects.filter(_closed_before(cutoff))
        .exclude(Exists(still_open))
        .values("translation_key")
    )


def _not_deleted_today(model, queryset, now):
    return queryset.exclude(pk__in=unconfirmed(model, now).values("pk"))


def endorsements_to_anonymize(now):
    long_closed = Q(letter_key__in=long_closed_letter_keys(now))
    rejected_long_ago = Q(status=EndorsementStatus.REJECTED, decided_at__lt=retention.unconfirmed_cutoff(now))
    queryset = Endorsement.objects.filter(long_closed | rejected_long_ago, anonymised_at__isnull=True)
    return _not_deleted_today(Endorsement, queryset, now)


def individuals_to_anonymize(now):
    queryset = IndividualSigner.objects.filter(
        letter_key__in=long_closed_letter_keys(now), anonymised_at__isnull=True
    )
    return _not_deleted_today(IndividualSigner, queryset, now)


def old_ip_hashes(now):
    """Rows of both kinds whose address hash is older than the core's period (one query per kind)."""
    return [
        _not_deleted_today(model, model.objects.filter(created_at__lt=retention.ip_hash_cutoff(now)).exclude(ip_hash=""), now)
        for model in SIGNERS
    ]


class _Both:
    """Two querysets (endorsements and individuals) counted and changed together by one step."""

    def __init__(self, querysets):
        self.querysets = querysets

    def count(self):
        return sum(queryset.count() for queryset in self.querysets)


def _delete(both, now):
    """Delete the rows (their emails go with them) and the logos uploaded with deleted endorsements."""
    from wagtail.images import get_image_model

    deleted = 0
    for queryset in both.querysets:
        logo_ids = list(queryset.exclude(logo=None).values_list("logo_id", flat=True)) if queryset.model is Endorsement else []
        deleted += queryset.delete()[1].get(queryset.model._meta.label, 0)
        for image in get_image_model().objects.filter(pk__in=logo_ids):
            image.delete()
    return deleted


def _clear_ip_hashes(both, now):
    return sum(queryset.update(ip_hash="") for queryset in both.querysets)


def _anonymize_contacts(queryset, now):
    email = placeholder_email()
    return queryset.update(
        contact_name="", contact_title="", contact_email=email, contact_email_key=email, contact_phone="",
        ip_hash="", token_hash="", token_expires_at=None, anonymised_at=now,
    )


def _anonymize_individuals(queryset, now):
    email = placeholder_email()
    return queryset.update(
        first_name="", last_name="", city="", email=email, email_key=email,
        ip_hash="", token_hash="", token_expires_at=None, anonymised_at=now,
    )


STEPS = [
    Step(
        done="Deleted {count} endorsement(s) and individual signature(s) unconfirmed for more than {unconfirmed_days} days.",
        would="Would delete {count} endorsement(s) and individual signature(s) unconfirmed for more than {unconfirmed_days} days.",
        find=lambda now: _Both([unconfirmed(model, now) for model in SIGNERS]),
        apply=_delete,
    ),
    Step(
        done="Dropped {count} address hash(es) older than {ip_hash_days} days.",
        would="Would drop {count} address hash(es) older than {ip_hash_days} days.",
        find=lambda now: _Both(old_ip_hashes(now)),
        apply=_clear_ip_hashes,
    ),
    Step(
        done="Blanked the contact person of {count} endorsement(s) rejected more than {unconfirmed_days} days ago or on letters closed for more than {retention_days} days.",
        would="Would blank the contact person of {count} endorsement(s) rejected more than {unconfirmed_days} days ago or on letters closed for more than {retention_days} days.",
        find=endorsements_to_anonymize,
        apply=_anonymize_contacts,
    ),
    Step(
        done="Anonymized {count} individual signature(s) of letters closed for more than {retention_days} days.",
        would="Would anonymize {count} individual signature(s) of letters closed for more than {retention_days} days.",
        find=individuals_to_anonymize,
        apply=_anonymize_individuals,
    ),
]

retention.register("sign-on letters", STEPS)
