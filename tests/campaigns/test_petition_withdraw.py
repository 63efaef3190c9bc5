"""Withdrawing a signature from the link in the petition emails: POST removes it and lowers the count, GET does not,
and the page never tells whether an address had signed."""

import re

import pytest
from django.core import mail

from campaigns.petitions.models import PetitionPage, Signature
from campaigns.petitions.signing import counted_signatures
from campaigns.petitions.withdrawal import withdraw_token
from tests.campaigns.petition_helpers import (
    confirm_links,
    form_data,
    make_petition,
    path_of,
    run_queued_tasks,
    sign,
)
from tests.campaigns.petition_staff_helpers import add_signature

pytestmark = pytest.mark.django_db

WITHDRAW_LINK = re.compile(r"https?://\S+/(?:withdraw|retirar)/[A-Za-z0-9_-]+/")


@pytest.fixture(autouse=True)
def petition_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    mail.outbox = []


@pytest.fixture
def petition():
    return make_petition(slug="withdraw-petition", title="Withdraw test petition")


def without_csrf(content):
    """The page minus its CSRF token, which differs on every response."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def withdraw_path(petition, signature):
    return petition.url + f"withdraw/{withdraw_token(signature)}/"


def test_every_email_has_a_withdraw_link_that_works_by_post_only(client, petition):
    sign(client, petition, email="maria@example.org")
    sign(client, petition, email="maria@example.org")  # "already signed" email
    run_queued_tasks()
    assert len(mail.outbox) == 2
    links = set()
    for message in mail.outbox:
        [text_link] = WITHDRAW_LINK.findall(message.body)
        html = message.alternatives[0][0]
        assert text_link in html
        links.add(text_link)
    assert len(links) == 1  # the same link in every email, so an earlier email's link keeps working
    [link] = links
    assert link.startswith("https://nnirr.example.org" + petition.url + "withdraw/")

    client.post(path_of(confirm_links()[-1]))  # the newest link (each email replaces the previous one)
    assert counted_signatures(petition.translation_key) == 1

    page = client.get(path_of(link))
    assert page.status_code == 200
    assert b"Withdraw my signature" in page.content and b'method="post"' in page.content
    assert Signature.objects.filter(petition_key=petition.translation_key).count() == 1  # GET changes nothing
    assert counted_signatures(petition.translation_key) == 1

    done = client.post(path_of(link))
    assert done.status_code == 200
    assert b"Your signature is withdrawn" in done.content
    assert not Signature.objects.filter(petition_key=petition.translation_key).exists()
    assert counted_signatures(petition.translation_key) == 0

    again = client.post(path_of(link))  # a second press changes nothing and looks the same
    assert again.status_code == 200 and without_csrf(again.content) == without_csrf(done.content)
    assert counted_signatures(petition.translation_key) == 0


def test_withdrawing_an_unconfirmed_signature_does_not_lower_the_count(client, petition):
    counted = add_signature(petition)
    pending = add_signature(petition, state="pending")
    client.post(withdraw_path(petition, pending))
    assert not Signature.objects.filter(pk=pending.pk).exists()
    assert Signature.objects.filter(pk=counted.pk).exists()
    assert counted_signatures(petition.translation_key) == 1


def test_email_link_is_in_the_signers_language(client):
    spanish = PetitionPage.objects.filter(locale__language_code="es", deadline__isnull=True).first()
    assert spanish is not None, "the demo has an open petition in Spanish"
    client.post(spanish.url, form_data(email="lucia.nueva@example.org"))
    run_queued_tasks()
    [message] = mail.outbox
    [link] = WITHDRAW_LINK.findall(message.body)
    assert link.startswith("https://nnirr.example.org/es/")
    page = client.get(path_of(link))
    assert page.status_code == 200 and 'lang="es"' in page.content.decode()
    client.post(path_of(link))
    assert not Signature.objects.filter(email_normalized="lucia.nueva@example.org").exists()


def test_page_looks_the_same_whatever_the_token(client, petition):
    signature = add_signature(petition)
    other = make_petition(slug="other-withdraw-petition", title="Other")
    foreign = add_signature(other)
    good = withdraw_path(petition, signature)
    tampered = good[:-3] + ("A" if good[-3] != "A" else "B") + good[-2:]
    cases = [
        petition.url + "withdraw/nonsense/",
        tampered,
        petition.url + f"withdraw/{withdraw_token(foreign)}/",  # a genuine token of another petition
        petition.url + "withdraw/" + "x" * 300 + "/",
    ]
    get_pages = {without_csrf(client.get(path).content) for path in cases + [good]}
    assert len(get_pages) == 1
    post_pages = set()
    for path in cases:
        response = client.post(path)
        assert response.status_code == 200
        post_pages.add(without_csrf(response.content))
    assert Signature.objects.filter(pk__in=[signature.pk, foreign.pk]).count() == 2
    post_pages.add(without_csrf(client.post(good).content))
    assert len(post_pages) == 1
    assert not Signature.objects.filter(pk=signature.pk).exists()
    assert Signature.objects.filter(pk=foreign.pk).exists()
    assert counted_signatures(petition.translation_key) == 0
    assert counted_signatures(other.translation_key) == 1


def test_other_methods_are_refused(client, petition):
    signature = add_signature(petition)
    response = client.put(withdraw_path(petition, signature))
    assert response.status_code == 405
    assert Signature.objects.filter(pk=signature.pk).exists()


def test_withdraw_works_for_a_real_browser_with_csrf_and_the_page_cache_on(petition, settings):
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 300
    signature = add_signature(petition)
    path = withdraw_path(petition, signature)
    for _visit in range(2):  # a cached copy would carry another visitor's CSRF token
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(path)
        assert page.status_code == 200 and "csrftoken" in page.cookies
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert visitor.post(path, {"csrfmiddlewaretoken": token}).status_code == 200
    assert not Signature.objects.filter(pk=signature.pk).exists()
    assert counted_signatures(petition.translation_key) == 0
