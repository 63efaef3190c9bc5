"""Sign-on letter data retention through the core's ``manage.py purge_supporter_data``."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.letters.models import DeliveryStatus, Endorsement, EndorsementStatus, IndividualSigner, LetterEmail
from campaigns.letters.signing import letter_counts
from tests.campaigns.test_letters_staff import add_endorsement, make_letter

pytestmark = pytest.mark.django_db


def purge(*args):
    out = io.StringIO()
    call_command("purge_supporter_data", *args, stdout=out)
    return out.getvalue()


def add_individual(letter, n, **fields):
    values = {
        "letter": letter,
        "letter_key": letter.translation_key,
        "first_name": f"Person{n}",
        "last_name": "Example",
        "city": "Tucson",
        "state": "Arizona",
        "email": f"person{n}@example.org",
        "email_key": f"person{n}@example.org",
        "language": "en",
        "consent_version": "2026-11",
        "confirmed_at": timezone.now(),
        "ip_hash": "cd" * 32,
    }
    values.update(fields)
    return IndividualSigner.objects.create(**values)


@pytest.fixture
def scene():
    now = timezone.now()
    long_ago = now - timedelta(days=400)
    old = make_letter("old-letter", title="Closed long ago", allow_individuals=True, deadline=now - timedelta(days=200))
    current = make_letter("open-letter", title="Still open", allow_individuals=True)
    return {
        "old": old,
        "current": current,
        "old_verified": add_endorsement(old, EndorsementStatus.VERIFIED, created_at=long_ago, ip_hash="ab" * 32),
        "old_individual": add_individual(old, 1, created_at=long_ago),
        "open_verified": add_endorsement(current, EndorsementStatus.VERIFIED, created_at=long_ago, ip_hash="ab" * 32),
        "open_individual": add_individual(current, 2, created_at=now - timedelta(days=2)),
        "rejected_long_ago": add_endorsement(
            current, EndorsementStatus.REJECTED, decided_at=now - timedelta(days=40), rejection_reason="Not a real group"
        ),
        "rejected_recently": add_endorsement(current, EndorsementStatus.REJECTED, decided_at=now - timedelta(days=3)),
        "unconfirmed_old": add_endorsement(
            current, EndorsementStatus.AWAITING_CONFIRMATION, confirmed_at=None, created_at=now - timedelta(days=31)
        ),
        "unconfirmed_new": add_endorsement(current, EndorsementStatus.AWAITING_CONFIRMATION, confirmed_at=None),
        "unconfirmed_individual": add_individual(current, 3, confirmed_at=None, created_at=now - timedelta(days=45)),
    }


def test_dry_run_counts_what_a_real_run_does_and_changes_nothing(scene):
    output = purge("--dry-run", "--action", "sign-on letters")
    assert "Would delete 2 endorsement(s) and individual signature(s)" in output
    # Two old endorsements and the old individual; the unconfirmed individual is deleted instead.
    assert "Would drop 3 address hash(es)" in output
    assert "Would blank the contact person of 2 endorsement(s)" in output  # old letter + rejected long ago
    assert "Would anonymize 1 individual signature(s)" in output
    assert Endorsement.objects.filter(anonymised_at__isnull=False).count() == 0
    real = purge("--action", "sign-on letters")
    assert "Deleted 2 " in real and "Dropped 3 " in real and "of 2 endorsement(s)" in real and "Anonymized 1 " in real


def test_purge_deletes_blanks_and_keeps_the_public_list_and_counts(scene):
    old, current = scene["old"], scene["current"]
    counts_before = (letter_counts(old), letter_counts(current))
    LetterEmail.objects.create(endorsement=scene["unconfirmed_old"], kind="confirm")
    purge()

    assert not Endorsement.objects.filter(pk=scene["unconfirmed_old"].pk).exists()
    assert not IndividualSigner.objects.filter(pk=scene["unconfirmed_individual"].pk).exists()
    assert not LetterEmail.objects.filter(endorsement_id=scene["unconfirmed_old"].pk).exists()
    assert Endorsement.objects.filter(pk=scene["unconfirmed_new"].pk).exists()

    listed = Endorsement.objects.get(pk=scene["old_verified"].pk)
    assert (listed.contact_name, listed.contact_phone, listed.ip_hash) == ("", "", "")
    assert listed.contact_email == f"anonymized-{listed.pk}@invalid" and listed.anonymised_at is not None
    assert (listed.organization_name, listed.status) == (scene["old_verified"].organization_name, "verified")

    rejected = Endorsement.objects.get(pk=scene["rejected_long_ago"].pk)
    assert rejected.contact_name == "" and rejected.rejection_reason == "Not a real group"
    assert Endorsement.objects.get(pk=scene["rejected_recently"].pk).contact_name.startswith("Hidden Person")

    still_open = Endorsement.objects.get(pk=scene["open_verified"].pk)
    assert still_open.contact_name.startswith("Hidden Person") and still_open.ip_hash == ""

    person = IndividualSigner.objects.get(pk=scene["old_individual"].pk)
    assert (person.first_name, person.last_name, person.city) == ("", "", "")
    assert person.email == f"anonymized-{person.pk}@invalid" and person.state == "Arizona"
    assert IndividualSigner.objects.get(pk=scene["open_individual"].pk).first_name == "Person2"

    assert (letter_counts(old), letter_counts(current)) == counts_before
    assert scene["old_verified"].organization_name.encode() in purge_then_get_page(old)

    again = purge()
    assert "Deleted 0 endorsement(s)" in again and "Dropped 0 " in again
    assert "of 0 endorsement(s)" in again and "Anonymized 0 individual" in again


def purge_then_get_page(letter):
    from django.test import Client

    return Client().get(letter.url).content


def test_a_letter_with_a_translation_still_open_is_not_anonymized(scene):
    from nnirr_site.core.demo_builders import ensure_translation

    ensure_translation(scene["old"].get_parent().specific, "es", "declaraciones-prueba", title="Declaraciones")
    spanish = ensure_translation(scene["old"], "es", "carta-cerrada", title="Cerrada hace tiempo", deadline=None)
    assert spanish.deadline is None
    purge()
    assert Endorsement.objects.get(pk=scene["old_verified"].pk).anonymised_at is None


def test_delivered_and_staff_closed_letters_count_from_their_date():
    now = timezone.now()
    delivered = make_letter(
        "delivered", title="Delivered", delivery_status=DeliveryStatus.DELIVERED, delivered_on=(now - timedelta(days=181)).date()
    )
    recently = make_letter(
        "delivered-recently", title="Delivered recently", delivery_status=DeliveryStatus.DELIVERED,
        delivered_on=(now - timedelta(days=20)).date(),
    )
    endorsements = [add_endorsement(delivered, EndorsementStatus.VERIFIED), add_endorsement(recently, EndorsementStatus.VERIFIED)]
    purge()
    first, second = (Endorsement.objects.get(pk=e.pk) for e in endorsements)
    assert first.anonymised_at is not None and second.anonymised_at is None


def test_logos_of_deleted_unconfirmed_endorsements_are_deleted(scene):
    from wagtail.images import get_image_model

    from tests.factories import ImageFactory

    logo, kept_logo = ImageFactory(), ImageFactory()
    doomed = scene["unconfirmed_old"]
    doomed.logo = logo
    doomed.save(update_fields=["logo"])
    scene["open_verified"].logo = kept_logo
    scene["open_verified"].save(update_fields=["logo"])
    purge()
    assert not get_image_model().objects.filter(pk=logo.pk).exists()
    assert get_image_model().objects.filter(pk=kept_logo.pk).exists()
