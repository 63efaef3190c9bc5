"""Sign-on letters: signing, double opt-in, duplicates, abuse rules, logos and the public list (real PostgreSQL)."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from campaigns.letters.models import (
    Endorsement,
    EndorsementStatus,
    IndividualSigner,
    LetterEmail,
    SignOnLetterPage,
    StatementIndexPage,
)
from campaigns.letters.signing import letter_counts, normalize_name, website_domain
from nnirr_site.core.demo_builders import ensure_page
from nnirr_site.core.models import HomePage
from supporter_actions.abuse import form_stamp
from tests.campaigns.petition_helpers import path_of, run_queued_tasks

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"https?://\S+/(?:confirm|confirmar)/[A-Za-z0-9_-]+/")


@pytest.fixture(autouse=True)
def letter_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 5
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    mail.outbox = []
    return settings


def main_of(html):
    """The page's <main> element: what the letter page itself shows, without the site's header and footer."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def make_letter(slug="test-letter", **fields):
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    index = StatementIndexPage.objects.child_of(home).first() or ensure_page(
        home, StatementIndexPage, "statements", title="Statements"
    )
    defaults = {
        "title": "Test sign-on letter",
        "addressee": "Members of Congress",
        "letter_text": "<p>We, the undersigned organizations, ask you to act.</p>",
        "organization_goal": 50,
        "allow_individuals": True,
    }
    defaults.update(fields)
    return ensure_page(Page.objects.get(pk=index.pk), SignOnLetterPage, slug, **defaults)


@pytest.fixture
def letter():
    return make_letter()


def org_data(**overrides):
    data = {
        "organization_name": "Example Immigrant Rights Coalition",
        "kind": "local_coalition",
        "city": "Oakland",
        "state": "California",
        "country": "US",
        "organization_website": "https://www.coalition.example.org/",
        "contact_name": "Rosa Contact",
        "contact_title": "Director",
        "contact_email": "rosa.contact@example.org",
        "contact_phone": "+1 510 555 0100",
        "authorized": "on",
        "consent": "on",
        "started": form_stamp(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_org(client, letter, **overrides):
    return client.post(letter.url, org_data(**overrides))


def person_data(**overrides):
    data = {
        "first_name": "Luis",
        "last_name": "Gómez",
        "city": "El Paso",
        "state": "Texas",
        "email": "luis@example.org",
        "consent": "on",
        "started": form_stamp(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def confirm_links(to=None):
    links = []
    for message in mail.outbox:
        if to is None or message.to == [to]:
            links.extend(CONFIRM_LINK.findall(message.body))
    return links


def confirm_by_post(client, link):
    return client.post(path_of(link))


def png_bytes(size=(40, 20), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "orange").save(buffer, "PNG")
    return buffer.getvalue()


def sign_and_confirm_org(client, letter, **overrides):
    mail.outbox = []
    sign_org(client, letter, **overrides)
    run_queued_tasks()
    email = overrides.get("contact_email", "rosa.contact@example.org")
    (link,) = confirm_links(to=email)
    assert confirm_by_post(client, link).status_code == 200
    return Endorsement.objects.filter(contact_email=email).latest("created_at")


# --- The flow ------------------------------------------------------------------------------------


def test_sign_email_confirm_by_post_makes_the_endorsement_pending(client, letter):
    response = sign_org(client, letter)
    assert response.status_code == 303
    assert response["Location"] == letter.url + "thanks/"
    endorsement = Endorsement.objects.get(letter=letter)
    assert endorsement.status == EndorsementStatus.AWAITING_CONFIRMATION
    assert endorsement.name_key == "example immigrant rights coalition"
    assert endorsement.website_domain == "coalition.example.org"
    assert endorsement.contact_email_key == "rosa.contact@example.org"
    assert endorsement.authorized and "authorized" in endorsement.consent_text
    assert endorsement.consent_version
    assert endorsement.language == "en" and endorsement.ip_hash
    assert mail.outbox == []  # the worker sends it, not the request

    assert run_queued_tasks() == 1
    (message,) = mail.outbox
    assert message.to == ["rosa.contact@example.org"]
    assert "Example Immigrant Rights Coalition" in message.body
    assert message.alternatives and "<html" in message.alternatives[0][0]
    (link,) = confirm_links()
    assert run_queued_tasks() == 0  # exactly once

    # GET shows a button and changes nothing (mail scanners open links).
    page = client.get(path_of(link))
    assert page.status_code == 200 and b"<form method=\"post\"" in page.content
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.AWAITING_CONFIRMATION

    assert confirm_by_post(client, link).status_code == 200
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING
    assert endorsement.confirmed_at is not None and endorsement.token_hash == ""
    # The link works once.
    assert confirm_by_post(client, link).status_code == 404
    assert LetterEmail.objects.get(endorsement=endorsement).sent_at is not None


def test_thank_you_page_is_the_same_for_new_and_known_organizations(client, letter):
    first = sign_org(client, letter)
    again = sign_org(client, letter)
    assert first.status_code == again.status_code == 303
    assert first["Location"] == again["Location"]
    assert client.get(first["Location"]).content == client.get(again["Location"]).content
    assert Endorsement.objects.filter(letter=letter).count() == 1
    run_queued_tasks()
    assert len(mail.outbox) == 2
    assert "already" in mail.outbox[1].subject.lower()


def spanish_letter(letter):
    from nnirr_site.core.demo_builders import ensure_translation

    index = letter.get_parent().specific
    if index.get_translation_or_none(Locale.objects.get(language_code="es")) is None:
        ensure_translation(index, "es", "declaraciones", title="Declaraciones")
    return ensure_translation(letter, "es", "carta-de-prueba", title="Carta de prueba")


def test_spanish_form_errors_email_and_confirmation(client, letter):
    spanish = spanish_letter(letter)
    assert spanish.url.startswith("/es/")
    page = client.get(spanish.url).content.decode()
    assert '<html lang="es">' in page and "Nombre de la organización" in page
    response = client.post(spanish.url, org_data(authorized=None))
    assert response.status_code == 200
    assert "Solo una persona autorizada" in response.content.decode()
    assert sign_org(client, spanish).status_code == 303
    endorsement = Endorsement.objects.get(letter_key=letter.translation_key)
    assert endorsement.language == "es" and "autorizado" in endorsement.consent_text
    run_queued_tasks()
    (message,) = mail.outbox
    assert message.subject.startswith("Confirma la adhesión")
    assert "/es/" in confirm_links()[0]
    confirmed = confirm_by_post(client, confirm_links()[0])
    assert confirmed.status_code == 200 and "confirmada" in confirmed.content.decode()
    # Signing the English page for the same organization and contact is a repeat.
    sign_org(client, letter)
    assert Endorsement.objects.filter(letter_key=letter.translation_key).count() == 1


@pytest.mark.parametrize(
    "second",
    [
        {"organization_name": "The  example immigrant-rights coalition!", "organization_website": ""},
        {"organization_name": "Another Name Entirely", "organization_website": "http://coalition.example.org/join"},
    ],
    ids=["same-name", "same-domain"],
)
def test_second_endorsement_of_the_same_organization_is_held_as_duplicate(client, letter, second):
    first = sign_and_confirm_org(client, letter)
    assert first.status == EndorsementStatus.PENDING
    duplicate = sign_and_confirm_org(client, letter, contact_email="other.person@example.org", **second)
    assert duplicate.status == EndorsementStatus.DUPLICATE
    assert duplicate.duplicate_of_id == first.pk


def test_duplicate_is_not_listed_even_when_the_first_is_verified(client, letter):
    first = sign_and_confirm_org(client, letter)
    Endorsement.objects.filter(pk=first.pk).update(status=EndorsementStatus.VERIFIED, decided_at=timezone.now())
    duplicate = sign_and_confirm_org(client, letter, contact_email="other.person@example.org",
                                     organization_name="THE Example Immigrant Rights Coalition")
    assert duplicate.status == EndorsementStatus.DUPLICATE
    assert letter_counts(letter).organizations == 1


def test_normalization():
    assert normalize_name("The  Example, Coalition Inc.") == normalize_name("example coalition inc")
    assert normalize_name("Theatre Workers United") == "theatre workers united"
    assert website_domain("https://WWW.Example.ORG/path") == "example.org"
    assert website_domain("") == "" and website_domain("http://[::1") == ""


# --- Closed letters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"deadline": timezone.now() - datetime.timedelta(hours=1)},
        {"delivery_status": "closed"},
        {"delivery_status": "delivered", "delivered_on": datetime.date(2026, 11, 1)},
    ],
    ids=["deadline", "closed", "delivered"],
)
def test_closed_letter_shows_a_notice_and_refuses(client, fields):
    letter = make_letter(slug="closed-letter", **fields)
    page = client.get(letter.url)
    assert page.status_code == 200
    content = page.content.decode()
    main = main_of(content)  # the footer has the email list's sign-up form, with a first name of its own
    assert 'name="organization_name"' not in main and 'name="first_name"' not in main
    assert "letter-closed" in content
    assert sign_org(client, letter).status_code == 403
    assert client.post(letter.url + "individual/", person_data()).status_code == 403
    assert not Endorsement.objects.filter(letter=letter).exists()
    assert not IndividualSigner.objects.filter(letter=letter).exists()


# --- Abuse checks ---------------------------------------------------------------------------------


def test_honeypot_is_treated_as_a_bot(client, letter):
    response = sign_org(client, letter, website="http://spam.example")
    assert response.status_code == 303
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_fast_fill_is_treated_as_a_bot(client, letter, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 60
    response = sign_org(client, letter)
    assert response.status_code == 303
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_missing_or_forged_stamp_is_treated_as_a_bot(client, letter):
    assert sign_org(client, letter, started=None).status_code == 303
    assert sign_org(client, letter, started="forged").status_code == 303
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_a_form_stamp_stores_one_endorsement(client, letter):
    stamp = form_stamp()
    sign_org(client, letter, started=stamp)
    sign_org(client, letter, started=stamp, organization_name="A Second Group", contact_email="b@example.org")
    assert Endorsement.objects.filter(letter_key=letter.translation_key).count() == 1


def test_rate_limit_flags_without_telling(client, letter, settings):
    settings.SUPPORTER_RATE_LIMIT = 2
    responses = [
        sign_org(client, letter, organization_name=f"Group number {n}", contact_email=f"c{n}@example.org")
        for n in range(4)
    ]
    assert {r.status_code for r in responses} == {303}
    assert {r["Location"] for r in responses} == {letter.url + "thanks/"}
    rows = Endorsement.objects.filter(letter_key=letter.translation_key).order_by("created_at")
    flags = list(rows.values_list("flagged", flat=True))
    assert flags == [False, False, True, True]
    run_queued_tasks()
    assert len(mail.outbox) == 2  # no email to flagged rows


def test_field_errors_are_shown_in_the_form_and_nothing_is_stored(client, letter):
    response = sign_org(client, letter, contact_email="not-an-address", authorized=None, kind="nonsense")
    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content
    assert 'id="org-authorized-error"' in content
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"organization_name": "\x00"},
        {"organization_name": "x" * 5000},
        {"organization_name": "Visit https://spam.example"},
        {"organization_website": "javascript:alert(1)"},
        {"country": "ZZ"},
        {"contact_phone": "<script>"},
        {"contact_email": "ſue@example.org"},
        {"authorized": "0"},
        {"consent": "yes"},
    ],
)
def test_bad_input_is_refused_without_a_server_error(client, letter, overrides):
    response = sign_org(client, letter, **overrides)
    assert response.status_code == 200
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


# --- Logos ----------------------------------------------------------------------------------------


def test_png_logo_is_stored_as_a_wagtail_image_in_the_logos_collection(client, letter):
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    assert sign_org(client, letter, logo=logo).status_code == 303
    endorsement = Endorsement.objects.filter(letter_key=letter.translation_key).get()
    assert endorsement.logo is not None
    assert endorsement.logo.collection.name == "Sign-on logos"
    assert (endorsement.logo.width, endorsement.logo.height) == (40, 20)


def test_non_image_logo_is_refused(client, letter):
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image at all", content_type="image/png")
    response = sign_org(client, letter, logo=fake)
    assert response.status_code == 200
    assert "PNG or JPEG" in response.content.decode()
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_gif_logo_is_refused_whatever_its_name(client, letter):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    response = sign_org(client, letter, logo=SimpleUploadedFile("logo.png", buffer.getvalue()))
    assert response.status_code == 200
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_oversized_logo_is_refused(client, letter, settings):
    settings.LETTER_LOGO_MAX_BYTES = 1000
    big = SimpleUploadedFile("logo.png", png_bytes() + b"\0" * 2000, content_type="image/png")
    response = sign_org(client, letter, logo=big)
    assert response.status_code == 200
    assert "too large" in response.content.decode()
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_decompression_bomb_logo_is_refused(client, letter, monkeypatch):
    # A small file that claims a huge bitmap: Pillow refuses it before decoding.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    bomb = SimpleUploadedFile("logo.png", png_bytes(size=(300, 300), mode="1"), content_type="image/png")
    response = sign_org(client, letter, logo=bomb)
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


def test_logo_over_the_pixel_limit_is_refused(client, letter, settings):
    settings.LETTER_LOGO_MAX_PIXELS = 100
    response = sign_org(client, letter, logo=SimpleUploadedFile("l.png", png_bytes(size=(20, 20))))
    assert response.status_code == 200
    assert not Endorsement.objects.filter(letter_key=letter.translation_key).exists()


# --- Individuals ----------------------------------------------------------------------------------


def test_individual_is_counted_after_confirmation(client, letter):
    response = client.post(letter.url + "individual/", person_data())
    assert response.status_code == 303
    assert letter_counts(letter).individuals == 0
    run_queued_tasks()
    (link,) = confirm_links(to="luis@example.org")
    assert confirm_by_post(client, link).status_code == 200
    assert letter_counts(letter).individuals == 1
    # Signing again is a repeat: same response, one row, an "already signed" email.
    again = client.post(letter.url + "individual/", person_data(email="Luis+x@example.org"))
    assert again["Location"] == response["Location"]
    assert IndividualSigner.objects.filter(letter_key=letter.translation_key).count() == 1
    run_queued_tasks()
    assert len(mail.outbox) == 2
    page = client.get(letter.url).content.decode()
    assert "1 individual" in page
    assert "Gómez" not in page and "luis@example.org" not in page


def test_individual_form_is_refused_when_the_letter_does_not_allow_it(client):
    letter = make_letter(slug="orgs-only", allow_individuals=False)
    assert 'name="first_name"' not in main_of(client.get(letter.url).content.decode())
    assert client.post(letter.url + "individual/", person_data()).status_code == 403


# --- The public page ------------------------------------------------------------------------------


def add_endorsement(letter, n, status=EndorsementStatus.VERIFIED, **fields):
    defaults = {
        "letter": letter,
        "letter_key": letter.translation_key,
        "organization_name": f"Example Organization {n}",
        "name_key": f"example organization {n}",
        "kind": "community",
        "city": "Fresno",
        "state": "California",
        "country": "US",
        "website": f"https://org{n}.example.org/",
        "website_domain": f"org{n}.example.org",
        "contact_name": f"Secret Contact {n}",
        "contact_email": f"secret{n}@example.org",
        "contact_email_key": f"secret{n}@example.org",
        "contact_phone": "555-0199",
        "authorized": True,
        "consent_text": "I agree.",
        "consent_version": "2026-11",
        "language": "en",
        "status": status,
        "confirmed_at": timezone.now(),
        "decided_at": timezone.now() if status == EndorsementStatus.VERIFIED else None,
    }
    defaults.update(fields)
    return Endorsement.objects.create(**defaults)


def test_public_page_shows_only_verified_organizations_and_no_contacts(client, letter):
    add_endorsement(letter, 1, state="Texas", kind="faith")
    add_endorsement(letter, 2, state="California", kind="labor")
    for n, status in enumerate(
        [EndorsementStatus.PENDING, EndorsementStatus.REJECTED, EndorsementStatus.DUPLICATE,
         EndorsementStatus.AWAITING_CONFIRMATION], start=10
    ):
        add_endorsement(letter, n, status=status)
    content = client.get(letter.url).content.decode()
    assert "Example Organization 1" in content and "Example Organization 2" in content
    for n in (10, 11, 12, 13):
        assert f"Example Organization {n}<" not in content and f"org{n}.example.org" not in content
    assert "Secret Contact" not in content and "secret" not in content and "555-0199" not in content
    assert "2 organizations" in content
    assert 'rel="nofollow noopener"' in content
    # Grouped by state, California before Texas, with the kind as a heading.
    assert content.index(">California") < content.index(">Texas")
    assert "Faith" in content and "Labor" in content
    assert "Recently joined" in content


def listed(content):
    """The grouped list (after the "recently joined" strip and the filter)."""
    return content.split('id="signatory-list"', 1)[1].split('id="individual"', 1)[0]


def test_closed_letter_page_shows_organizations_verified_after_the_first_view(client, settings):
    settings.PAGE_CACHE_SECONDS = 60  # the whole-page cache, off in tests unless turned on
    letter = make_letter(slug="closed-and-listing", delivery_status="closed")
    assert "Example Organization 1" not in client.get(letter.url).content.decode()
    add_endorsement(letter, 1)
    assert "Example Organization 1" in client.get(letter.url).content.decode()


def test_state_filter(client, letter):
    add_endorsement(letter, 1, state="Texas")
    add_endorsement(letter, 2, state="California")
    everyone = listed(client.get(letter.url).content.decode())
    assert "Example Organization 1" in everyone and "Example Organization 2" in everyone
    texas = listed(client.get(letter.url, {"state": "texas"}).content.decode())
    assert "Example Organization 1" in texas and "Example Organization 2" not in texas
    # An unknown or hostile value shows everyone, never an error.
    response = client.get(letter.url, {"state": "\x00<script>"})
    assert response.status_code == 200
    assert "Example Organization 2" in listed(response.content.decode())


def test_logo_is_shown_as_a_rendition_with_width_and_height(client, letter):
    image = get_image_model().objects.create(
        title="logo", file=SimpleUploadedFile("l.png", png_bytes(size=(400, 100))), width=400, height=100
    )
    add_endorsement(letter, 1, logo=image)
    content = client.get(letter.url).content.decode()
    assert re.search(r'<img[^>]+width="160"[^>]+height="40"|<img[^>]+height="40"[^>]+width="160"', content)


@pytest.mark.parametrize("with_logos", [False, True])
def test_query_count_stays_flat_with_the_number_of_organizations(client, letter, with_logos):
    def page_queries():
        client.get(letter.url)  # warm: renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(letter.url).status_code == 200
        return len(queries)

    image_model = get_image_model()

    def add(n):
        logo = None
        if with_logos and n % 10 == 0:
            logo = image_model.objects.create(
                title=f"logo {n}", file=SimpleUploadedFile(f"l{n}.png", png_bytes()), width=40, height=20
            )
        add_endorsement(letter, n, state=["California", "Texas", "New York"][n % 3], logo=logo)

    for n in range(10):
        add(n)
    few = page_queries()
    for n in range(10, 500):  # the bar: flat from 10 to 500 verified organizations
        add(n)
    many = page_queries()
    assert many == few


# --- Emails ---------------------------------------------------------------------------------------


def test_subject_is_plain_text(client):
    letter = make_letter(slug="rights-and-dignity", title="Rights & Dignity")
    sign_org(client, letter)
    run_queued_tasks()
    (message,) = mail.outbox
    assert "Rights & Dignity" in message.subject and "&amp;" not in message.subject


def test_permanent_refusal_is_recorded_and_not_retried(client, letter, monkeypatch):
    import smtplib

    from django.core.mail import EmailMultiAlternatives

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"rosa.contact@example.org": (550, b"no such user")})

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    sign_org(client, letter)
    assert run_queued_tasks() == 1
    email = LetterEmail.objects.get()
    assert email.failed_at is not None and email.sent_at is None
    assert email.last_error == "SMTPRecipientsRefused 550"
    assert run_queued_tasks() == 0


def test_temporary_refusal_is_retried_and_then_sent_once(client, letter, monkeypatch, settings):
    import smtplib

    from django.core.mail import EmailMultiAlternatives

    settings.SUPPORTER_EMAIL_RETRY_SECONDS = 0
    original = EmailMultiAlternatives.send
    calls = []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise smtplib.SMTPRecipientsRefused({"rosa.contact@example.org": (451, b"greylisted")})
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky)
    sign_org(client, letter)
    run_queued_tasks()
    run_queued_tasks()
    assert len(mail.outbox) == 1
    email = LetterEmail.objects.get()
    assert email.sent_at is not None and email.failed_at is None
    # The link in the email that went out works.
    assert confirm_by_post(client, confirm_links()[0]).status_code == 200


# --- Page tree ------------------------------------------------------------------------------------


def test_statement_index_lists_its_letters(client, letter):
    index = letter.get_parent()
    response = client.get(index.url)
    assert response.status_code == 200
    assert letter.title in response.content.decode()


def test_letter_under_a_campaign_page(client):
    from campaigns.models import CampaignPage

    assert SignOnLetterPage in CampaignPage.allowed_subpage_models()
    assert StatementIndexPage in HomePage.allowed_subpage_models()
    assert SignOnLetterPage.allowed_subpage_models() == []
