"""Sign-up abuse (issue 12): look-alike addresses, one mailbox signing many times, rate limits by network.

Each test signs through the real form and checks what is stored and what is emailed (real PostgreSQL).
"""

import re

import pytest
from django.core import mail
from wagtail.models import Locale

from campaigns.petitions.addresses import canonical_email, email_key, rate_limit_network
from campaigns.petitions.models import Signature
from campaigns.petitions.signing import hash_ip
from tests.campaigns.petition_helpers import form_data, make_petition, run_queued_tasks, sign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def petition_settings(settings):
    settings.PETITION_MIN_FILL_SECONDS = 0
    settings.PETITION_RATE_LIMIT = 5
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


def test_canonical_email_and_key():
    assert canonical_email("  Ana.B+News@Exämple.ORG ") == "Ana.B+News@xn--exmple-cua.org"
    assert email_key("Ana.B+News@xn--exmple-cua.org") == "ana.b@xn--exmple-cua.org"
    assert email_key("A.N.A+x@GoogleMail.com") == "ana@gmail.com"
    assert email_key("+only@example.org") == "+only@example.org"


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
    settings.PETITION_RATE_LIMIT = 2
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
    settings.PETITION_RATE_LIMIT = 1
    for number in range(3):
        client.post(petition.url, form_data(email=f"v4-{number}@example.org"), REMOTE_ADDR=f"198.51.100.{number + 1}")
    assert set(Signature.objects.filter(petition=petition).values_list("flag", flat=True)) == {""}


def test_rate_limit_network():
    assert rate_limit_network("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64"
    assert rate_limit_network("::ffff:198.51.100.7") == "198.51.100.7"
    assert rate_limit_network("198.51.100.7") == "198.51.100.7"
    assert hash_ip("2001:db8::1") == hash_ip("2001:db8::ffff:1") != hash_ip("2001:db8:0:1::1")
    assert hash_ip("198.51.100.1") != hash_ip("198.51.100.2")
    assert hash_ip("") == ""
