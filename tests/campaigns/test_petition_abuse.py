"""Sign-up abuse (issue 12): look-alike addresses, one mailbox signing many times, reused form stamps, junk names.

Each test signs through the real form and checks what is stored and what is emailed (real PostgreSQL).
"""

import datetime
import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from campaigns.petitions.models import Signature
from campaigns.petitions.signing import Outcome, SignatureData, record_signature
from supporter_actions.abuse import FORM_STAMP_SALT, form_stamp, read_form_stamp
from supporter_actions.models import UsedFormStamp
from tests.campaigns.petition_helpers import form_data, make_petition, run_queued_tasks, sign

pytestmark = pytest.mark.django_db

STARTED_INPUT = re.compile(r'name="started" value="([^"]+)"')


@pytest.fixture(autouse=True)
def petition_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 5
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    mail.outbox = []
    return settings


@pytest.fixture
def petition():
    return make_petition(slug="abuse-petition", title="Abuse test petition")


def spanish(petition):
    from nnirr_site.core.demo_builders import ensure_translation

    index = petition.get_parent().specific
    if index.get_translation_or_none(Locale.objects.get(language_code="es")) is None:
        ensure_translation(index, "es", "peticiones", title="Peticiones")
    return ensure_translation(petition, "es", "peticion-abuso", title="Petición de abuso")


def stored_emails(petition):
    return sorted(Signature.objects.filter(petition_key=petition.translation_key).values_list("email", flat=True))


def recipients():
    return sorted(message.to[0] for message in mail.outbox)


def field_error(response, field):
    """The text of ``field``'s error list on a re-displayed form (empty when it has none)."""
    match = re.search(rf'<ul class="errorlist" id="petition-{field}-error">(.*?)</ul>', response.content.decode(), re.S)
    return match.group(1) if match else ""


def started_in(response):
    return STARTED_INPUT.search(response.content.decode()).group(1)


# --- 5. Look-alike letters: the address deduplicated on is the address written to ---------------


@pytest.mark.parametrize(
    "lookalike",
    [
        "\u017fue@victim.example.org",  # ſ, long s: folds to "s"
        "\u212aim@victim.example.org",  # K, Kelvin sign: folds to "k"
        "\u0131an@victim.example.org",  # ı, dotless i: upper-cases to "I"
        "\u0130an@victim.example.org",  # İ, capital I with dot
    ],
)
def test_lookalike_letters_are_refused_with_a_field_error(client, petition, lookalike):
    response = sign(client, petition, email=lookalike)
    assert response.status_code == 200
    assert "cannot be used in an email address" in field_error(response, "email")
    assert lookalike[0] in field_error(response, "email")  # it names the character
    assert stored_emails(petition) == []


def test_a_lookalike_cannot_block_the_real_signer(client, petition):
    sign(client, petition, email="\u017fue@victim.example.org")
    sign(client, petition, email="\u212aim@victim.example.org")
    real = sign(client, petition, email="sue@victim.example.org")
    assert real.status_code == 303
    sign(client, petition, email="kim@victim.example.org")
    run_queued_tasks()
    assert stored_emails(petition) == ["kim@victim.example.org", "sue@victim.example.org"]
    assert recipients() == ["kim@victim.example.org", "sue@victim.example.org"]
    assert "confirm" in mail.outbox[0].subject.lower()


def test_lookalike_error_is_in_the_visitors_language(client, petition):
    response = sign(client, spanish(petition), email="\u017fue@victim.example.org")
    assert response.status_code == 200
    assert "no se puede usar en una dirección de correo" in field_error(response, "email")


def test_ascii_capitals_are_the_same_signer_and_the_address_is_kept_as_typed(client, petition):
    sign(client, petition, email="Sue.Smith@Example.ORG")
    sign(client, petition, email="sue.smith@example.org")
    run_queued_tasks()
    assert stored_emails(petition) == ["Sue.Smith@example.org"]
    assert recipients() == ["Sue.Smith@example.org", "Sue.Smith@example.org"]  # confirm, then "already signed"


def test_internationalised_domains_are_one_mailbox_stored_in_punycode(client, petition):
    for typed in ("pc@exämple.org", "pc@xn--exmple-cua.org", "PC@EXÄMPLE.ORG", "pc@XN--EXMPLE-CUA.org"):
        assert sign(client, petition, email=typed).status_code == 303
    assert stored_emails(petition) == ["pc@xn--exmple-cua.org"]
    assert Signature.objects.get(petition=petition).email_normalized == "pc@xn--exmple-cua.org"
    run_queued_tasks()
    assert set(recipients()) == {"pc@xn--exmple-cua.org"}


@pytest.mark.parametrize(
    "typed",
    [
        "pc@xn--ab.org",  # not valid punycode
        "a" * 184 + "@" + ".".join(["äöüéèñçåøæ"] * 6) + ".org",  # 254 characters typed, 308 once encoded
        "pc@" + "ä" * 60 + ".org",  # one label longer than 63 once encoded
    ],
)
def test_domains_that_cannot_be_encoded_get_a_field_error_not_a_500(client, petition, typed):
    response = sign(client, petition, email=typed)
    assert response.status_code == 200
    assert field_error(response, "email")
    assert stored_emails(petition) == []


# --- 6. One mailbox, one signature; rate limits by IPv6 /64 --------------------------------------


def test_sub_addresses_are_one_signer(client, petition):
    for typed in ("ana@example.org", "ana+one@example.org", "Ana+Two@example.org"):
        assert sign(client, petition, email=typed).status_code == 303
    assert stored_emails(petition) == ["ana@example.org"]
    run_queued_tasks()
    assert recipients() == ["ana@example.org"] * 3  # the confirmation, then two "already signed" notes


def test_gmail_dots_and_googlemail_are_one_signer_elsewhere_dots_count(client, petition):
    gmail = ("ana.perez@gmail.com", "anaperez@gmail.com", "a.n.a.p.e.r.e.z+x@googlemail.com", "AnaPerez@GMAIL.com")
    for typed in gmail:
        sign(client, petition, email=typed)
    sign(client, petition, email="ana.perez@example.org")
    sign(client, petition, email="anaperez@example.org")
    assert stored_emails(petition) == ["ana.perez@example.org", "ana.perez@gmail.com", "anaperez@example.org"]


def test_ipv6_addresses_are_rate_limited_by_their_64_network(client, petition, settings):
    settings.SUPPORTER_RATE_LIMIT = 2
    for number in range(4):
        address = f"2001:db8:1:2::{number + 1}"
        client.post(petition.url, form_data(email=f"v6-{number}@example.org"), REMOTE_ADDR=address)
    client.post(petition.url, form_data(email="other-net@example.org"), REMOTE_ADDR="2001:db8:1:3::1")
    flags = dict(Signature.objects.filter(petition=petition).values_list("email", "flag"))
    assert flags == {
        "v6-0@example.org": "",
        "v6-1@example.org": "",
        "v6-2@example.org": "rate_limited",
        "v6-3@example.org": "rate_limited",
        "other-net@example.org": "",
    }


def test_ipv4_addresses_are_rate_limited_one_by_one(client, petition, settings):
    settings.SUPPORTER_RATE_LIMIT = 1
    for number in range(3):
        client.post(petition.url, form_data(email=f"v4-{number}@example.org"), REMOTE_ADDR=f"198.51.100.{number + 1}")
    assert set(Signature.objects.filter(petition=petition).values_list("flag", flat=True)) == {""}


# --- 7. A form stamp is good for one submission -----------------------------------------------------


def test_one_stamp_five_ips_stores_one_signature(client, petition, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 3
    stamp = form_stamp(timezone.now() - datetime.timedelta(seconds=4))
    responses = [
        client.post(
            petition.url,
            form_data(email=f"reuse{number}@example.org", started=stamp),
            REMOTE_ADDR=f"203.0.113.{number}",
        )
        for number in range(1, 6)
    ]
    assert {response.status_code for response in responses} == {303}
    assert {response["Location"] for response in responses} == {petition.url + "thanks/"}
    assert stored_emails(petition) == ["reuse1@example.org"]
    assert DBTaskResult.objects.filter(backend_name="petitions").count() == 1


def test_a_stamp_from_the_page_works_once(petition):
    visitor = Client()
    stamp = started_in(visitor.get(petition.url))
    assert visitor.post(petition.url, form_data(email="first@example.org", started=stamp)).status_code == 303
    assert visitor.post(petition.url, form_data(email="second@example.org", started=stamp)).status_code == 303
    assert stored_emails(petition) == ["first@example.org"]


def test_a_reused_stamp_sends_no_already_signed_email(client, petition):
    stamp = form_stamp()
    for _ in range(4):
        sign(client, petition, email="victim@example.org", started=stamp)
    run_queued_tasks()
    assert recipients() == ["victim@example.org"]


def test_a_reused_stamp_is_not_told_apart_even_with_field_errors(client, petition):
    stamp = form_stamp()
    sign(client, petition, email="first@example.org", started=stamp)
    again = sign(client, petition, email="not-an-email", started=stamp)
    assert again.status_code == 303
    assert again["Location"] == petition.url + "thanks/"


def test_each_page_view_gets_its_own_stamp(client, petition):
    assert started_in(client.get(petition.url)) != started_in(client.get(petition.url))


def test_a_form_with_errors_gets_a_fresh_stamp_that_keeps_the_start_time(client, petition, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 3
    stamp = form_stamp(timezone.now() - datetime.timedelta(seconds=4))
    forgot = sign(client, petition, consent=None, started=stamp)
    assert forgot.status_code == 200
    fresh = started_in(forgot)
    assert fresh != stamp
    assert read_form_stamp(fresh).started == read_form_stamp(stamp).started
    # Ticking the box at once is not "too fast": the visitor started filling in four seconds ago.
    assert sign(client, petition, started=fresh).status_code == 303
    assert stored_emails(petition) == ["ana@example.org"]
    # The stamp of the refused submission was used up by it.
    sign(client, petition, email="replay@example.org", started=stamp)
    assert stored_emails(petition) == ["ana@example.org"]


def test_an_expired_or_old_style_stamp_asks_to_send_again_and_keeps_the_input(client, petition):
    old = form_stamp(timezone.now() - datetime.timedelta(days=3))
    legacy = signing.dumps(round(timezone.now().timestamp() - 60, 3), salt=FORM_STAMP_SALT, compress=False)
    for stamp in (old, legacy):
        response = sign(client, petition, email="slow@example.org", started=stamp)
        assert response.status_code == 200
        assert b"This form was open for a long time" in response.content
        assert b'value="slow@example.org"' in response.content
        fresh = started_in(response)
        assert fresh != stamp
    assert stored_emails(petition) == []
    assert sign(client, petition, email="slow@example.org", started=fresh).status_code == 303
    assert stored_emails(petition) == ["slow@example.org"]


@pytest.mark.django_db(transaction=True)
def test_one_stamp_posted_at_the_same_moment_stores_one_signature(demo_site):
    from tests.campaigns.test_petitions_concurrency import run_at_once

    petition = make_petition(slug="stamp-race")
    stamp = form_stamp()

    def poster(number):
        data = form_data(email=f"race{number}@example.org", started=stamp)
        return lambda: Client().post(petition.url, data, REMOTE_ADDR=f"203.0.113.{number}").status_code

    assert run_at_once([poster(number) for number in range(1, 9)]) == [303] * 8
    assert len(stored_emails(petition)) == 1
    assert UsedFormStamp.objects.count() == 1


def test_record_signature_refuses_a_used_stamp(petition):
    nonce = read_form_stamp(form_stamp()).nonce
    data = SignatureData("Ana", "Pérez", "ana@example.org")
    assert record_signature(petition, data, "en", stamp_nonce=nonce) == Outcome.NEW
    other = SignatureData("Bo", "Lee", "bo@example.org")
    assert record_signature(petition, other, "en", stamp_nonce=nonce) == Outcome.BOT
    assert record_signature(petition, other, "en") == Outcome.NEW  # no stamp: staff and scripts


# --- 14. Names and consent -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"first_name": "\u200b\u200b"}, "first_name", "with letters"),
        ({"last_name": "\u200b\u200c\u200d\ufeff"}, "last_name", "with letters"),
        ({"first_name": "\u3164"}, "first_name", "with letters"),  # Hangul filler: a "letter" that shows nothing
        ({"first_name": "Ana\nBcc: x@example.org"}, "first_name", "on one line"),
        ({"last_name": "Pé\rrez"}, "last_name", "on one line"),
        ({"first_name": "Ana\u2028Bo"}, "first_name", "on one line"),
        ({"first_name": "Ana\x07"}, "first_name", "on one line"),
        ({"last_name": "Pérez\u202eevil"}, "last_name", "on one line"),
        ({"last_name": "evil.tk"}, "last_name", "without web addresses"),
        ({"first_name": "Win at Evil.Tk now"}, "first_name", "without web addresses"),
        ({"last_name": "ｅｖｉｌ．ｔｋ"}, "last_name", "without web addresses"),
        ({"last_name": "evil\u3002tk"}, "last_name", "without web addresses"),
        ({"last_name": "пример.рф"}, "last_name", "without web addresses"),
        ({"consent": "0"}, "consent", "Please agree to the privacy notice"),
        ({"consent": "false"}, "consent", "Please agree to the privacy notice"),
        ({"consent": "off"}, "consent", "Please agree to the privacy notice"),
        ({"consent": "no"}, "consent", "Please agree to the privacy notice"),
        ({"consent": ""}, "consent", "Please agree to the privacy notice"),
    ],
)
def test_junk_names_and_forged_consent_get_field_errors(client, petition, overrides, field, message):
    response = sign(client, petition, **overrides)
    assert response.status_code == 200
    assert message in field_error(response, field)
    assert stored_emails(petition) == []


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"first_name": "\u200b"}, "first_name", "con letras"),
        ({"first_name": "Ana\nBo"}, "first_name", "en una sola línea"),
        ({"last_name": "evil.tk"}, "last_name", "sin direcciones web"),
        ({"consent": "0"}, "consent", "acepta el aviso de privacidad"),
    ],
)
def test_name_and_consent_errors_are_in_the_visitors_language(client, petition, overrides, field, message):
    response = sign(client, spanish(petition), **overrides)
    assert response.status_code == 200
    assert message in field_error(response, field)


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [
        ("Anne-Marie", "O'Brien"),
        ("J. R. R.", "St. John"),
        ("Mahsa", "\u0631\u0636\u0627\u06cc\u200c\u0632\u0627\u062f\u0647"),  # Persian with a zero-width non-joiner
        ("李", "小龍"),
        ("Nguyễn", "Thị Minh"),
        ("Ana María", "de la Cruz y Pérez"),
    ],
)
def test_real_names_are_accepted(client, petition, first_name, last_name):
    assert sign(client, petition, first_name=first_name, last_name=last_name).status_code == 303
    assert Signature.objects.get(petition=petition).last_name == last_name


def test_staff_find_signers_by_the_address_as_typed(client, admin_client, petition):
    """The dedup key drops "+tag" and stores domains in punycode; staff search and bulk tools still find them."""
    from django.urls import reverse

    from campaigns.petitions.queries import invalidation_queryset, petition_zone

    sign(client, petition, email="ana+news@exämple.org", first_name="Anabela")
    listing = reverse("petitions_admin:signatures", args=[petition.pk])
    assert "Anabela" in admin_client.get(listing, {"q": "ana+news"}).content.decode()
    assert "Anabela" in admin_client.get(listing, {"q": "xn--exmple-cua"}).content.decode()
    zone = petition_zone(petition)
    assert invalidation_queryset(petition.translation_key, zone, email_domain="exämple.org").count() == 1
    assert invalidation_queryset(petition.translation_key, zone, email_domain="@xn--exmple-cua.org").count() == 1
