"""Staff side of sign-on letters: who sees the queue and contacts, verify and reject, the "listed" email,
the delivery kit (CSV and PDF) and its export log (real PostgreSQL, no mocks)."""

import csv
import io
import itertools

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from campaigns.letters import exports
from campaigns.letters.models import (
    Endorsement,
    EndorsementStatus,
    LetterEmail,
    LetterExport,
    SignOnLetterPage,
    StatementIndexPage,
)
from nnirr_site.core.demo_builders import ensure_page
from nnirr_site.core.models import HomePage
from tests.campaigns.petition_helpers import run_queued_tasks

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "verifier", "data_member", "superuser"]
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def staff_settings(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    mail.outbox = []
    return settings


def make_letter(slug="staff-letter", **fields):
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    index = StatementIndexPage.objects.child_of(home).first() or ensure_page(
        home, StatementIndexPage, "statements", title="Statements"
    )
    defaults = {
        "title": "Staff test letter",
        "addressee": "Members of the Senate",
        "letter_text": "<p>We, the undersigned organizations, ask you to ratify.</p><ul><li>First point</li></ul>",
        "organization_goal": 50,
    }
    defaults.update(fields)
    return ensure_page(Page.objects.get(pk=index.pk), SignOnLetterPage, slug, **defaults)


def add_endorsement(letter, status=EndorsementStatus.PENDING, **fields):
    n = next(_numbers)
    values = {
        "letter": letter,
        "letter_key": letter.translation_key,
        "organization_name": f"Staff Example Org {n}",
        "name_key": f"staff example org {n}",
        "kind": "faith",
        "city": "Oakland",
        "state": "California",
        "country": "US",
        "website": f"https://staff{n}.example.org/",
        "website_domain": f"staff{n}.example.org",
        "contact_name": f"Hidden Person {n}",
        "contact_email": f"hidden{n}@example.org",
        "contact_email_key": f"hidden{n}@example.org",
        "contact_phone": "555-0142",
        "authorized": True,
        "consent_text": "I am authorized.",
        "consent_version": "2026-11",
        "language": "en",
        "status": status,
        "confirmed_at": timezone.now(),
    }
    values.update(fields)
    return Endorsement.objects.create(**values)


@pytest.fixture
def letter():
    return make_letter()


@pytest.fixture
def login_as(client, django_user_model, otp_login):
    """``login_as(role)``: the client signed in (second factor passed) as a new user of that role."""

    def login(role):
        if role == "anonymous":
            return client, None
        n = next(_numbers)
        if role == "superuser":
            user = django_user_model.objects.create_superuser(
                username=f"super{n}", email=f"super{n}@example.org", password="a-long-test-password-1"
            )
        else:
            user = django_user_model.objects.create_user(
                username=f"{role}{n}", email=f"{role}{n}@example.org", password="a-long-test-password-1",
                first_name="Staff", last_name=f"Member{n}",
            )
            user.groups.add(Group.objects.get(name="Editors"))
            extra = {"verifier": "Sign-on verification", "data_member": "Petition data"}.get(role)
            if extra:
                user.groups.add(Group.objects.get(name=extra))
        otp_login(client, user)
        return client, user

    return login


def url(name, *args):
    return reverse(f"letters_admin:{name}", args=args)


def is_login_redirect(response):
    return response.status_code == 302 and "/admin/login/" in response["Location"]


def is_denied(response):
    """Wagtail's admin turns a PermissionDenied into a redirect to the dashboard with an error message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# --- Who sees what ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_overview_shows_counts_to_every_editor_and_no_organization(login_as, role, letter):
    client, _user = login_as(role)
    pending = add_endorsement(letter, organization_name="Quorrix Pending Org")
    add_endorsement(letter, status=EndorsementStatus.VERIFIED)
    response = client.get(url("index"))
    if role == "anonymous":
        assert is_login_redirect(response)
        return
    assert response.status_code == 200
    content = response.content.decode()
    assert "Staff test letter" in content and "Quorrix Pending Org" not in content
    assert pending.contact_email not in content and "Hidden Person" not in content
    row = next(row for row in response.context["letters"] if row["page"].pk == letter.pk)
    assert row["counts"]["pending"] == 1 and row["counts"]["verified"] == 1
    assert (url("queue", letter.pk) in content) == (role != "editor")


@pytest.mark.parametrize("role", ROLES)
def test_queue_needs_the_verify_permission_and_contacts_need_their_own(login_as, role, letter):
    client, _user = login_as(role)
    endorsement = add_endorsement(letter, organization_name="Quorrix Coalition")
    for status in ("pending", "duplicate", "verified", "rejected"):
        response = client.get(url("queue", letter.pk), {"status": status})
        if role == "anonymous":
            assert is_login_redirect(response)
            continue
        if role == "editor":
            assert is_denied(response)
            assert b"Quorrix" not in response.content
            continue
        assert response.status_code == 200
        content = response.content.decode()
        if status == "pending":
            assert "Quorrix Coalition" in content and "staff" in content  # the website's domain
        sees_contacts = role in ("data_member", "superuser")
        assert (endorsement.contact_email in content) == (sees_contacts and status == "pending")
        assert (endorsement.contact_name in content) == (sees_contacts and status == "pending")
        assert "555-0142" not in content or sees_contacts


def test_petition_data_group_sees_contacts_and_verification_group_does_not_see_petition_data():
    verification = Group.objects.get(name="Sign-on verification")
    codenames = set(verification.permissions.values_list("codename", flat=True))
    assert {"verify_endorsement", "access_admin"} <= codenames
    assert "view_endorsement_contacts" not in codenames and "view_signature_data" not in codenames
    petition_data = set(Group.objects.get(name="Petition data").permissions.values_list("codename", flat=True))
    assert {"view_endorsement_contacts", "view_signature_data"} <= petition_data
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert not editors & {"verify_endorsement", "view_endorsement_contacts"}


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_decisions_and_exports_refused_without_the_permission(login_as, role, letter):
    client, _user = login_as(role)
    endorsement = add_endorsement(letter)
    responses = [
        client.post(url("verify", letter.pk, endorsement.pk)),
        client.post(url("reject", letter.pk, endorsement.pk), {"reason": "Spam"}),
        client.post(url("export", letter.pk), {"format": "csv"}),
        client.post(url("export", letter.pk), {"format": "pdf"}),
    ]
    for response in responses:
        assert is_login_redirect(response) if role == "anonymous" else is_denied(response)
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING
    assert not LetterExport.objects.exists()


# --- Decisions ----------------------------------------------------------------------------------


def test_verify_records_who_and_when_and_the_worker_sends_listed_once(login_as, letter):
    client, user = login_as("verifier")
    endorsement = add_endorsement(letter, organization_name="Quorrix Faith Alliance")
    assert client.get(url("verify", letter.pk, endorsement.pk)).status_code == 405  # POST only
    response = client.post(url("verify", letter.pk, endorsement.pk), {"status": "pending"})
    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.VERIFIED
    assert endorsement.decided_by == user and endorsement.decided_by_name == user.get_full_name()
    assert endorsement.decided_at is not None and endorsement.emails_count == 1
    # Verifying again (a second click) changes nothing and queues nothing.
    client.post(url("verify", letter.pk, endorsement.pk))
    assert LetterEmail.objects.filter(endorsement=endorsement, kind="listed").count() == 1
    run_queued_tasks()
    run_queued_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [endorsement.contact_email]
    assert "Staff test letter" in message.subject
    assert "https://nnirr.example.org" + letter.url in message.body
    assert LetterEmail.objects.get(endorsement=endorsement).sent_at is not None


def test_listed_email_in_the_contacts_language(login_as, letter):
    client, _user = login_as("verifier")
    endorsement = add_endorsement(letter, language="es")
    client.post(url("verify", letter.pk, endorsement.pk))
    run_queued_tasks()
    assert len(mail.outbox) == 1
    assert "Hola" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Tu organización aparece en la lista")


def test_taken_off_the_list_and_verified_again_the_contact_is_told_once(login_as, letter):
    client, _user = login_as("verifier")
    endorsement = add_endorsement(letter)
    client.post(url("verify", letter.pk, endorsement.pk))
    run_queued_tasks()
    client.post(url("reject", letter.pk, endorsement.pk), {"reason": "Asked to be removed", "status": "verified"})
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.REJECTED
    client.post(url("verify", letter.pk, endorsement.pk), {"status": "rejected"})
    run_queued_tasks()
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.VERIFIED and endorsement.rejection_reason == ""
    assert len(mail.outbox) == 1 and endorsement.emails_count == 1


def test_a_decision_on_another_letters_endorsement_is_not_found(login_as, letter):
    client, _user = login_as("verifier")
    other = make_letter(slug="other-staff-letter", title="Other staff letter")
    endorsement = add_endorsement(other)
    assert client.post(url("verify", letter.pk, endorsement.pk)).status_code == 404
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING


def test_reject_requires_a_reason_and_records_it(login_as, letter):
    client, user = login_as("verifier")
    endorsement = add_endorsement(letter)
    client.post(url("reject", letter.pk, endorsement.pk), {"reason": "   "})
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING and endorsement.decided_at is None
    client.post(url("reject", letter.pk, endorsement.pk), {"reason": "Not a real organization"})
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.REJECTED
    assert endorsement.rejection_reason == "Not a real organization" and endorsement.decided_by == user
    run_queued_tasks()
    assert mail.outbox == [] and not LetterEmail.objects.filter(endorsement=endorsement).exists()


def test_duplicates_verify_anyway_or_reject_as_duplicate(login_as, letter):
    client, _user = login_as("verifier")
    original = add_endorsement(letter, status=EndorsementStatus.VERIFIED, organization_name="Quorrix Union")
    first = add_endorsement(letter, status=EndorsementStatus.DUPLICATE, duplicate_of=original)
    second = add_endorsement(letter, status=EndorsementStatus.DUPLICATE, duplicate_of=original)
    content = client.get(url("queue", letter.pk), {"status": "duplicate"}).content.decode()
    assert "Verify anyway" in content and "Reject as duplicate" in content and "Quorrix Union" in content
    client.post(url("verify", letter.pk, first.pk), {"status": "duplicate"})
    client.post(url("reject_duplicate", letter.pk, second.pk), {"status": "duplicate"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == EndorsementStatus.VERIFIED
    assert second.status == EndorsementStatus.REJECTED and "Quorrix Union" in second.rejection_reason


def test_awaiting_confirmation_cannot_be_decided_by_staff(login_as, letter):
    client, _user = login_as("superuser")
    endorsement = add_endorsement(letter, status=EndorsementStatus.AWAITING_CONFIRMATION, confirmed_at=None)
    client.post(url("verify", letter.pk, endorsement.pk))
    client.post(url("reject", letter.pk, endorsement.pk), {"reason": "x"})
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.AWAITING_CONFIRMATION


# --- Delivery kit -------------------------------------------------------------------------------


@pytest.fixture
def signatories(letter):
    listed = [
        add_endorsement(letter, status=EndorsementStatus.VERIFIED, organization_name="Alpha Example Union",
                        state="Texas", city="El Paso"),
        add_endorsement(letter, status=EndorsementStatus.VERIFIED, organization_name="=Formula Example Org",
                        state="California"),
        add_endorsement(letter, status=EndorsementStatus.VERIFIED, organization_name="Centro Ejemplo Peñasco",
                        state="New Mexico"),
    ]
    hidden = [
        add_endorsement(letter, organization_name="Pending Example Org"),
        add_endorsement(letter, status=EndorsementStatus.REJECTED, organization_name="Rejected Example Org"),
        add_endorsement(letter, status=EndorsementStatus.DUPLICATE, organization_name="Duplicate Example Org"),
    ]
    return listed, hidden


def parse_csv(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("role", ["verifier", "data_member", "superuser"])
def test_csv_only_verified_contacts_only_when_allowed_and_asked_and_logged(login_as, role, letter, signatories):
    client, user = login_as(role)
    assert client.get(url("export", letter.pk)).status_code == 200
    response = client.post(url("export", letter.pk), {"format": "csv", "with_contacts": "on"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = parse_csv(response)
    names = sorted(row[0] for row in rows[1:])
    assert names == sorted(["Alpha Example Union", "'=Formula Example Org", "Centro Ejemplo Peñasco"])
    with_contacts = role != "verifier"
    assert ("Contact email" in rows[0]) == with_contacts
    assert any("@example.org" in cell for row in rows for cell in row) == with_contacts
    log = LetterExport.objects.get()
    assert (log.user, log.format, log.row_count, log.with_contacts) == (user, "csv", 3, with_contacts)
    if with_contacts:
        response = client.post(url("export", letter.pk), {"format": "csv"})
        assert "Contact email" not in parse_csv(response)[0]
        assert LetterExport.objects.count() == 2


def test_pdf_holds_the_letter_and_only_verified_signatories_and_is_logged(login_as, letter, signatories,
                                                                          monkeypatch):
    monkeypatch.setattr(exports, "PDF_PAGE_COMPRESSION", 0)
    client, user = login_as("verifier")
    response = client.post(url("export", letter.pk), {"format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = response.content
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    for text in (b"Staff test letter", b"Members of the Senate", b"ask you to ratify", b"First point",
                 b"Alpha Example Union", b"Formula Example Org", b"Texas", b"New Mexico",
                 b"3 organizations signed."):
        assert text in content, text
    assert b"Pe\\361asco" in content  # ñ in Helvetica's Latin-1 encoding, written as an octal escape
    for text in (b"Pending Example", b"Rejected Example", b"Duplicate Example", b"hidden", b"Hidden Person"):
        assert text not in content
    log = LetterExport.objects.get()
    assert (log.user, log.format, log.row_count, log.language) == (user, "pdf", 3, "en")


def test_export_log_lists_letter_exports(login_as, letter, signatories):
    """The write-once rule and the read-only admin are the core's (tests/supporter_actions/test_export_log.py)."""
    client, _user = login_as("superuser")
    client.post(url("export", letter.pk), {"format": "csv"})
    listing = client.get(reverse("letter_export_log:index"))
    assert listing.status_code == 200 and b"Staff test letter" in listing.content
    assert client.get(reverse("letter_export_log:add")).status_code in (302, 403)


def test_queue_shows_logo_thumbnails_with_queries_flat_in_the_number_of_rows(login_as, letter):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ImageFactory

    client, _user = login_as("verifier")

    def queries_for(rows):
        for _ in range(rows):
            add_endorsement(letter, logo=ImageFactory())
        client.get(url("queue", letter.pk))  # renditions made once
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url("queue", letter.pk))
        assert response.content.decode().count("<img ") >= Endorsement.objects.filter(letter=letter).count()
        return len(captured)

    assert queries_for(2) == queries_for(6)
