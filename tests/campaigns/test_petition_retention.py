"""``manage.py purge_petition_data``: unconfirmed signatures, address hashes and long-closed petitions,
with and without ``--dry-run``, twice in a row."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

from campaigns.petitions.models import PetitionPage, Signature
from campaigns.petitions.signing import counted_signatures, normalize_email
from tests.campaigns.petition_helpers import make_petition
from tests.campaigns.petition_staff_helpers import add_signature

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def purge(*args):
    out = StringIO()
    call_command("purge_petition_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def scene(now, settings):
    """An open petition with signatures of different ages and states, and a petition closed 200 days ago."""
    settings.SUPPORTER_RETENTION_DAYS = 180
    open_petition = make_petition(slug="retention-open", title="Open petition")
    closed = make_petition(slug="retention-closed", title="Long closed petition", deadline=now - 200 * DAY)
    recent_closed = make_petition(slug="retention-recent", title="Recently closed", deadline=now - 100 * DAY)
    s = {
        "old_pending": add_signature(open_petition, state="pending", created_at=now - 31 * DAY),
        "old_flagged": add_signature(open_petition, state="flagged", created_at=now - 45 * DAY),
        "young_pending": add_signature(open_petition, state="pending", created_at=now - 29 * DAY),
        "old_counted": add_signature(open_petition, created_at=now - 60 * DAY, comment="Keep going"),
        "young_counted": add_signature(open_petition, created_at=now - 2 * DAY),
        "closed_counted": add_signature(
            closed, created_at=now - 250 * DAY, comment="Private words", country="MX", show_name=True
        ),
        "closed_counted_2": add_signature(closed, created_at=now - 240 * DAY, country="US"),
        "closed_pending": add_signature(closed, state="pending", created_at=now - 240 * DAY),
        "recent_closed": add_signature(recent_closed, created_at=now - 120 * DAY),
    }
    return open_petition, closed, recent_closed, s


def snapshot():
    return sorted(Signature.objects.values_list(
        "pk", "first_name", "last_name", "email", "email_normalized", "postal_code", "comment", "ip_hash",
        "country", "counted_at", "anonymised_at",
    ))


def test_dry_run_reports_and_changes_nothing(scene):
    before = snapshot()
    output = purge("--dry-run")
    assert "Dry run" in output
    assert "Would delete 3 signature(s) unconfirmed" in output  # old_pending, old_flagged, closed_pending
    # Address hashes older than 30 days on the rows that stay: old_counted, the two closed ones, recent_closed.
    assert "Would drop 4 address hash(es)" in output
    assert "Would anonymize 2 signature(s) of “Long closed petition”" in output
    assert "Recently closed" not in output
    assert snapshot() == before


def test_purge_deletes_drops_and_anonymizes_then_finds_nothing_more(scene, now):
    open_petition, closed, recent_closed, s = scene
    counts_before = {p.pk: counted_signatures(p.translation_key) for p in (open_petition, closed, recent_closed)}
    output = purge()
    assert "Deleted 3 signature(s) unconfirmed" in output
    assert "Dropped 4 address hash(es)" in output
    assert "Anonymized 2 signature(s) of “Long closed petition”" in output

    remaining = set(Signature.objects.values_list("pk", flat=True))
    for name in ("old_pending", "old_flagged", "closed_pending"):
        assert s[name].pk not in remaining
    for name in ("young_pending", "old_counted", "young_counted", "closed_counted", "closed_counted_2", "recent_closed"):
        assert s[name].pk in remaining

    # Counts never change: only uncounted signatures were deleted.
    assert {p.pk: counted_signatures(p.translation_key) for p in (open_petition, closed, recent_closed)} == counts_before

    young = Signature.objects.get(pk=s["young_counted"].pk)
    assert young.ip_hash  # younger than 30 days: kept
    old = Signature.objects.get(pk=s["old_counted"].pk)
    assert old.ip_hash == "" and old.first_name and old.comment == "Keep going"  # open petition: not anonymized

    anonymized = Signature.objects.get(pk=s["closed_counted"].pk)
    assert (anonymized.first_name, anonymized.last_name, anonymized.postal_code, anonymized.comment) == ("", "", "", "")
    assert anonymized.email == anonymized.email_normalized == f"anonymized-{anonymized.pk}@invalid"
    assert anonymized.country == "MX" and anonymized.counted_at is not None
    assert anonymized.show_name is False and anonymized.anonymised_at is not None
    assert closed.get_recent_signers() == []
    assert Signature.objects.get(pk=s["recent_closed"].pk).first_name  # closed only 100 days ago

    # Daily runs: the second finds nothing to do and changes nothing.
    before = snapshot()
    output = purge()
    assert "Deleted 0 signature(s)" in output and "Dropped 0 address" in output
    assert "Anonymized 0 signature(s) in total" in output
    assert snapshot() == before


def test_anonymized_signatures_keep_the_one_email_rule_and_allow_new_signatures(scene, client, settings):
    open_petition, closed, recent_closed, s = scene
    purge()
    emails = list(Signature.objects.filter(petition_key=closed.translation_key).values_list("email_normalized", flat=True))
    assert len(emails) == len(set(emails)) == 2
    # A retention period set shorter later on anonymizes the recently closed petition too, on the next run.
    settings.SUPPORTER_RETENTION_DAYS = 90
    assert "Anonymized 1 signature(s) of “Recently closed”" in purge()


def test_a_petition_with_a_translation_still_open_is_not_anonymized(now):
    english = PetitionPage.objects.filter(locale__language_code="en", deadline__lt=now - 400 * DAY).first()
    assert english is not None, "the demo has a petition closed in 2021"
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    spanish.deadline = None
    spanish.save(update_fields=["deadline"])
    signature = add_signature(english, created_at=now - 2000 * DAY)
    purge()
    signature.refresh_from_db()
    assert signature.anonymised_at is None and signature.first_name

    spanish.deadline = english.deadline
    spanish.save(update_fields=["deadline"])
    purge()
    signature.refresh_from_db()
    assert signature.anonymised_at is not None and signature.first_name == ""


def test_withdraw_after_anonymization_still_lowers_the_count(scene, client):
    from campaigns.petitions.withdrawal import withdraw_token

    open_petition, closed, recent_closed, s = scene
    purge()
    anonymized = Signature.objects.get(pk=s["closed_counted"].pk)
    before = counted_signatures(closed.translation_key)
    client.post(closed.url + f"withdraw/{withdraw_token(anonymized)}/")
    assert counted_signatures(closed.translation_key) == before - 1
    assert normalize_email(f"anonymized-{anonymized.pk}@invalid") == anonymized.email_normalized
