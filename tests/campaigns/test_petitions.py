"""Petitions: signing, double opt-in, duplicates, abuse rules, counts and pages (real PostgreSQL)."""

import datetime
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.middleware.csrf import get_token
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from campaigns.petitions.models import PetitionPage, Signature, SignatureEmail, TallyShard
from campaigns.petitions.signing import SignatureData, counted_signatures, next_milestone, record_signature
from supporter_actions.abuse import form_stamp
from tests.campaigns.petition_helpers import (
    confirm_links,
    make_petition,
    path_of,
    run_queued_tasks,
    sign,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def petition_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 5
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    mail.outbox = []
    return settings


@pytest.fixture
def petition():
    return make_petition()


def thanks_url(petition):
    return petition.url + "thanks/"


def test_sign_email_confirm_by_post_counts_once(client, petition):
    response = sign(client, petition)
    assert response.status_code == 303
    assert response["Location"] == thanks_url(petition)
    signature = Signature.objects.get(petition=petition)
    assert signature.confirmed_at is None and signature.counted_at is None
    assert signature.privacy_notice_version == "2026-11"
    assert signature.language == "en"
    assert counted_signatures(petition.translation_key) == 0
    assert mail.outbox == []  # sent by the worker, not the request

    assert run_queued_tasks() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert "Test petition" in message.subject
    assert "National Network for Immigrant and Refugee Rights" in message.body
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    [link] = confirm_links()
    assert link.startswith("https://nnirr.example.org" + petition.url + "confirm/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    signature.refresh_from_db()
    assert token not in signature.token_hash and len(signature.token_hash) == 64

    # A GET (a mail scanner opening the link) shows the button and changes nothing.
    page = client.get(path_of(link))
    assert page.status_code == 200
    assert b"Confirm my signature" in page.content
    signature.refresh_from_db()
    assert signature.confirmed_at is None

    confirmed = client.post(path_of(link))
    assert confirmed.status_code == 200
    assert b"Your signature is confirmed" in confirmed.content
    signature.refresh_from_db()
    assert signature.confirmed_at is not None and signature.counted_at is not None
    assert counted_signatures(petition.translation_key) == 1

    # Reusing the link: a clear page, nothing changes.
    again = client.post(path_of(link))
    assert again.status_code == 404
    assert b"This confirmation link does not work" in again.content
    assert counted_signatures(petition.translation_key) == 1


def test_duplicate_email_gets_same_page_and_already_signed_email(client, petition):
    first = sign(client, petition, email="Maria.Lopez@Example.org")
    run_queued_tasks()
    second = sign(client, petition, email="  maria.lopez@EXAMPLE.ORG ", first_name="María")
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Signature.objects.filter(petition_key=petition.translation_key).count() == 1
    run_queued_tasks()
    assert len(mail.outbox) == 2
    assert "already signed" in mail.outbox[1].subject
    # Not confirmed yet, so the note carries a fresh link (and the first one stops working).
    old_link, new_link = confirm_links()
    assert client.post(path_of(old_link)).status_code == 404
    assert client.post(path_of(new_link)).status_code == 200
    assert counted_signatures(petition.translation_key) == 1
    follow_first = client.get(first["Location"])
    follow_second = client.get(second["Location"])
    assert follow_first.status_code == follow_second.status_code == 200
    assert follow_first.content.replace(b"\n", b"") == follow_second.content.replace(b"\n", b"")


def test_email_normalisation_uses_nfkc(client, petition):
    sign(client, petition, email="ｊｏｓｅ@example.org")  # full-width letters
    sign(client, petition, email="JOSE@example.org")
    assert Signature.objects.filter(petition=petition).count() == 1
    assert Signature.objects.get(petition=petition).email_normalized == "jose@example.org"


def test_no_signature_receives_more_than_five_emails(client, petition):
    for _ in range(8):
        sign(client, petition)
    run_queued_tasks()
    signature = Signature.objects.get(petition=petition)
    assert signature.emails_count == 5
    assert len(mail.outbox) == 5
    assert SignatureEmail.objects.filter(signature=signature).count() == 5


@pytest.mark.parametrize(
    "token",
    ["nonsense", "a" * 43, "a" * 300, "%00%ff", "ä" * 43],
)
def test_bad_tokens_get_a_clear_page(client, petition, token):
    sign(client, petition)
    run_queued_tasks()
    for method in (client.get, client.post):
        response = method(petition.url + f"confirm/{token}/")
        assert response.status_code == 404
        if "%" not in token:  # a NUL byte in the path never reaches the route: the site's own 404
            assert b"This confirmation link does not work" in response.content
    assert counted_signatures(petition.translation_key) == 0


def test_expired_token_changes_nothing(client, petition):
    sign(client, petition)
    run_queued_tasks()
    [link] = confirm_links()
    Signature.objects.filter(petition=petition).update(token_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post(path_of(link))
    assert response.status_code == 404
    assert Signature.objects.get(petition=petition).confirmed_at is None
    assert counted_signatures(petition.translation_key) == 0


def test_token_of_another_petition_does_not_confirm(client, petition):
    other = make_petition(slug="other-petition", title="Other")
    sign(client, petition)
    run_queued_tasks()
    token = confirm_links()[0].rstrip("/").rsplit("/", 1)[1]
    assert client.post(other.url + f"confirm/{token}/").status_code == 404
    assert Signature.objects.get(petition=petition).confirmed_at is None


def test_closed_petition_refuses(client):
    closed = make_petition(slug="closed", deadline=timezone.now() - datetime.timedelta(days=1))
    page = client.get(closed.url)
    assert b"This petition is closed" in page.content
    # Within <main>: the footer has the email list's sign-up form, with an email field of its own.
    assert b'name="email"' not in page.content.split(b"<main", 1)[1].split(b"</main>", 1)[0]
    response = sign(client, closed)
    assert response.status_code == 403
    assert not Signature.objects.filter(petition=closed).exists()
    assert not DBTaskResult.objects.filter(backend_name="petitions").exists()


def test_honeypot_and_too_fast_look_the_same_but_are_not_stored(client, petition, settings):
    normal = sign(client, petition, email="real@example.org")
    bot = sign(client, petition, email="bot@example.org", website="http://spam.example")
    settings.SUPPORTER_MIN_FILL_SECONDS = 3
    fast = sign(client, petition, email="fast@example.org")
    forged = sign(client, petition, email="forged@example.org", started="123.abc")
    for response in (bot, fast, forged):
        assert response.status_code == normal.status_code == 303
        assert response["Location"] == normal["Location"]
    assert list(Signature.objects.filter(petition=petition).values_list("email", flat=True)) == ["real@example.org"]


def test_slow_enough_submission_is_accepted(client, petition, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 3
    started = timezone.now() - datetime.timedelta(seconds=4)
    sign(client, petition, started=form_stamp(started))
    assert Signature.objects.filter(petition=petition).count() == 1


def test_rate_limit_flags_without_counting(client, petition, settings):
    settings.SUPPORTER_RATE_LIMIT = 2
    petition.count_without_confirmation = True
    petition.save()
    responses = [sign(client, petition, email=f"person{n}@example.org") for n in range(4)]
    assert {r["Location"] for r in responses} == {thanks_url(petition)}
    signatures = list(Signature.objects.filter(petition=petition).order_by("created_at"))
    assert len(signatures) == 4
    assert [s.flag for s in signatures] == ["", "", "rate_limited", "rate_limited"]
    assert counted_signatures(petition.translation_key) == 2
    # Only a keyed hash of the address is stored, never the address itself.
    assert signatures[0].ip_hash and "127.0.0.1" not in signatures[0].ip_hash and len(signatures[0].ip_hash) == 64
    run_queued_tasks()
    assert len(mail.outbox) == 2  # flagged signatures get no email


def test_count_without_confirmation_counts_at_once(client, petition):
    petition.count_without_confirmation = True
    petition.save()
    sign(client, petition)
    assert counted_signatures(petition.translation_key) == 1
    run_queued_tasks()
    link = confirm_links()[0]
    client.post(path_of(link))
    assert counted_signatures(petition.translation_key) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"first_name": "Visit http://spam.example"}, "first_name", b"without web addresses"),
        ({"last_name": "buy-now.com"}, "last_name", b"without web addresses"),
        ({"email": "not-an-email"}, "email", b"Enter a valid email address"),
        ({"consent": None}, "consent", b"Please agree to the privacy notice"),
        ({"first_name": None}, "first_name", b"This field is required"),
        ({"comment": "x" * 501}, "comment", b"at most 500 characters"),
        ({"first_name": "x" * 5000}, "first_name", b"at most 100 characters"),
        ({"postal_code": "<script>"}, "postal_code", b"Use only letters"),
        ({"country": "XX"}, "country", b"Select a valid choice"),
        ({"first_name": "nul\x00byte"}, "first_name", b"Null characters are not allowed"),
    ],
)
def test_invalid_input_shows_errors_next_to_fields_and_in_summary(client, petition, overrides, field, message):
    response = sign(client, petition, **overrides)
    assert response.status_code == 200
    content = response.content
    assert message in content
    assert b'class="error-summary"' in content
    assert f'href="#petition-{field}"'.encode() in content
    assert f'id="petition-{field}-error"'.encode() in content
    assert f'aria-describedby="petition-{field}'.encode() in content or field == "consent"
    assert not Signature.objects.filter(petition=petition).exists()


def test_form_in_spanish_and_signature_language(client, petition):
    from nnirr_site.core.demo_builders import ensure_translation

    index = petition.get_parent().specific
    if index.get_translation_or_none(Locale.objects.get(language_code="es")) is None:
        ensure_translation(index, "es", "peticiones", title="Peticiones")
    spanish = ensure_translation(petition, "es", "peticion-de-prueba", title="Petición de prueba")
    assert spanish.url.startswith("/es/")
    response = sign(client, spanish, consent=None)
    assert response.status_code == 200
    assert b'<html lang="es">' in response.content
    sign(client, spanish)
    signature = Signature.objects.get(petition_key=petition.translation_key)
    assert signature.language == "es"
    assert signature.petition_key == petition.translation_key
    # Signing the English page with the same address is the same signature.
    sign(client, petition)
    assert Signature.objects.filter(petition_key=petition.translation_key).count() == 1


def test_count_json_is_cacheable_and_handles_unknown_ids(client, petition):
    petition.offline_signatures = 40
    petition.save_revision().publish()
    record_signature(petition, SignatureData("A", "B", "a@example.org"), "en")
    response = client.get(f"/petitions/{petition.pk}/count.json")
    assert response.status_code == 200
    assert response["Cache-Control"] in ("public, max-age=60", "max-age=60, public")
    data = json.loads(response.content)
    assert data == {
        "petition": petition.pk,
        "confirmed": 0,
        "offline": 40,
        "total": 40,
        "goal": 100,
        "next_milestone": 100,
        "closed": False,
    }
    assert client.get("/petitions/999999999/count.json").status_code == 404
    assert client.get("/es/petitions/1/count.json").status_code == 404  # not under the language prefix
    assert client.post(f"/petitions/{petition.pk}/count.json").status_code == 405


def test_methods_not_allowed_get_a_405_page(client, petition):
    for response in (
        client.post(thanks_url(petition)),
        client.put(petition.url),
        client.delete(petition.url + "confirm/" + "a" * 43 + "/"),
    ):
        assert response.status_code == 405
        assert b"does not work that way" in response.content
        assert "Allow" in response


def test_page_shows_progress_offline_count_and_listed_signers_only(client, petition):
    petition.offline_signatures = 7
    petition.signature_goal = 10
    petition.save_revision().publish()
    for number, show in enumerate([True, False, True]):
        record_signature(
            petition,
            SignatureData("Rosa" if show else "Hidden", f"Zeta{number}", f"r{number}@example.org", country="MX", show_name=show),
            "en",
        )
    run_queued_tasks()
    for link in confirm_links():
        client.post(path_of(link))
    response = client.get(petition.url)
    content = response.content.decode()
    assert '<progress class="petition-progress__bar" max="25" value="10"' in content
    assert "<strong>10</strong> signatures" in content
    assert "Includes 7 signatures on paper." in content
    assert "Goal of 10 reached! Next milestone: 25." in content
    assert content.count("Rosa Z., Mexico") == 2
    assert "Hidden" not in content
    assert "r0@example.org" not in content
    assert "style=" not in content.split("<main", 1)[1]


def test_next_milestone():
    assert next_milestone(0, 100) == 100
    assert next_milestone(99, 100) == 100
    assert next_milestone(100, 100) == 250
    assert next_milestone(260, 100) == 500
    assert next_milestone(1250, 0) == 2500


def test_enqueue_is_in_the_same_transaction_as_the_signature(petition):
    """The database task backend writes its row on the signature's connection: both commit or neither."""

    class Abort(Exception):
        pass

    with pytest.raises(Abort):
        with transaction.atomic():
            record_signature(petition, SignatureData("A", "B", "rollback@example.org"), "en")
            assert DBTaskResult.objects.filter(task_path__endswith="send_signature_email").count() == 1
            raise Abort
    assert not Signature.objects.filter(email="rollback@example.org").exists()
    assert not DBTaskResult.objects.filter(backend_name="petitions").exists()

    record_signature(petition, SignatureData("A", "B", "kept@example.org"), "en")
    task = DBTaskResult.objects.get(backend_name="petitions")
    email = SignatureEmail.objects.get(signature__petition=petition)
    assert task.args_kwargs["args"] == [email.pk]
    assert "kept@example.org" not in json.dumps(task.args_kwargs)  # no personal data in the queue


def test_recount_fixes_a_broken_counter(client, petition):
    for number in range(3):
        record_signature(petition, SignatureData("A", "B", f"c{number}@example.org"), "en")
    run_queued_tasks()
    for link in confirm_links():
        client.post(path_of(link))
    shards = TallyShard.objects.filter(petition_key=petition.translation_key)
    shards.filter(pk=shards.first().pk).update(counted=F("counted") + 39)  # 3 + 39 = 42
    out = StringIO()
    call_command("recount_signatures", stdout=out)
    assert "tally was 42, counted signatures are 3; fixed" in out.getvalue()
    assert counted_signatures(petition.translation_key) == 3
    out = StringIO()
    call_command("recount_signatures", stdout=out)
    assert "0 drifted" in out.getvalue()


def test_petition_page_admin_has_offline_count(admin_client, petition):
    response = admin_client.get(f"/admin/pages/{petition.pk}/edit/")
    assert response.status_code == 200
    assert b'name="offline_signatures"' in response.content


def test_demo_petitions(client):
    refugee = PetitionPage.objects.get(slug="refugee-admissions-petition")
    convention = PetitionPage.objects.get(slug="ratify-the-convention-petition")
    assert refugee.is_closed and refugee.deadline.year == 2021
    assert not convention.is_closed
    assert refugee.offline_signatures > 0
    assert refugee.get_stats().counted > 0 and convention.get_stats().counted > 0
    assert b"This petition is closed" in client.get(refugee.url).content
    assert b"Sign the petition" in client.get(convention.url).content
    spanish = convention.get_translations().filter(locale__language_code="es").first()
    if spanish is not None:
        assert client.get(spanish.url).status_code == 200
    call_command("load_demo_content", stdout=StringIO())
    assert PetitionPage.objects.filter(slug="refugee-admissions-petition").count() == 1
    assert Signature.objects.filter(petition_key=refugee.translation_key).count() == refugee.get_stats().counted


def test_form_block_renders_form_posting_to_the_petition(rf, petition):
    from campaigns.petitions.blocks import PetitionFormBlock

    block = PetitionFormBlock()
    value = block.to_python({"petition": petition.pk, "heading": "Act now"})
    request = rf.get("/")
    html = block.render(value, context={"request": request, "csrf_token": get_token(request)})
    assert "Act now" in html
    assert f'action="{petition.url}#sign"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="first_name"' in html and 'name="consent"' in html
