"""The list's addresses are in the page's language (/es/lista-de-correo/gracias/), and links already sent keep working.

Spanish emails link the Spanish words; the English words still answer under /es/ (confirmation links
and digests' unsubscribe headers sent before the Spanish addresses existed), by the same views.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from email_list.digest_email import DigestTemplate
from email_list.models import ConsentAction, ConsentRecord, Subscriber, Subscription
from tests.email_list.helpers import (
    CONFIRM_LINK,
    PREFERENCES_LINK,
    links_in,
    make_digest,
    make_subscribers,
    path_of,
    run_queued_tasks,
    sign_up,
)

pytestmark = pytest.mark.django_db

ADDRESSES = [
    ("signup", [], "/email-list/", "/es/lista-de-correo/"),
    ("join", [], "/email-list/join/", "/es/lista-de-correo/unirse/"),
    ("thanks", [], "/email-list/thanks/", "/es/lista-de-correo/gracias/"),
    ("confirm", ["t0k"], "/email-list/confirm/t0k/", "/es/lista-de-correo/confirmar/t0k/"),
    ("preferences", ["1-s"], "/email-list/preferences/1-s/", "/es/lista-de-correo/preferencias/1-s/"),
    ("unsubscribe", ["1-s", 2], "/email-list/unsubscribe/1-s/2/", "/es/lista-de-correo/baja/1-s/2/"),
    ("archive", [], "/email-list/digests/", "/es/lista-de-correo/resumenes/"),
    ("archive_detail", [3], "/email-list/digests/3/", "/es/lista-de-correo/resumenes/3/"),
]


@pytest.mark.parametrize(("name", "args", "english", "spanish"), ADDRESSES, ids=[row[0] for row in ADDRESSES])
def test_each_address_is_written_in_the_language_of_the_page(name, args, english, spanish):
    with translation.override("en"):
        assert reverse(f"email_list:{name}", args=args) == english
    with translation.override("es"):
        assert reverse(f"email_list:{name}", args=args) == spanish


def test_spanish_pages_answer_at_spanish_and_english_words_and_english_pages_only_at_english(client, lists):
    for path in ("/es/lista-de-correo/", "/es/lista-de-correo/gracias/", "/es/lista-de-correo/resumenes/",
                 "/es/email-list/", "/es/email-list/thanks/", "/es/email-list/digests/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content.decode().count('lang="es"') >= 1, path
    assert client.get("/email-list/thanks/").status_code == 200
    assert client.get("/lista-de-correo/gracias/").status_code == 404
    assert client.get("/email-list/gracias/").status_code == 404


def test_a_spanish_sign_up_goes_through_spanish_addresses_only(client, lists):
    news, _alerts, spanish = lists
    response = sign_up(client, [spanish], prefix="/es", email="lucia@example.org", language="es")
    assert response.status_code == 303 and response["Location"] == "/es/lista-de-correo/gracias/"
    run_queued_tasks()
    [link] = links_in(CONFIRM_LINK, "lucia@example.org")
    assert "/es/lista-de-correo/confirmar/" in link
    assert "/email-list/" not in "".join(message.body for message in mail.outbox)
    page = client.get(path_of(link))
    assert page.status_code == 200 and not Subscription.objects.exists()  # a GET confirms nothing
    confirmed = client.post(path_of(link))
    assert confirmed.status_code == 200 and Subscription.objects.filter(subscriber__email="lucia@example.org").exists()
    assert "/es/lista-de-correo/preferencias/" in confirmed.content.decode()


def test_a_confirmation_link_sent_with_the_english_words_still_confirms_on_a_spanish_page(client, lists):
    _news, _alerts, spanish = lists
    sign_up(client, [spanish], prefix="/es", email="beto@example.org", language="es")
    run_queued_tasks()
    [link] = links_in(CONFIRM_LINK, "beto@example.org")
    old = path_of(link).replace("/es/lista-de-correo/confirmar/", "/es/email-list/confirm/")
    page = client.get(old)
    assert page.status_code == 200 and 'lang="es"' in page.content.decode()
    assert client.post(old).status_code == 200
    assert Subscription.objects.filter(subscriber__email="beto@example.org").exists()


def test_a_spanish_digest_links_spanish_addresses_and_an_old_unsubscribe_header_still_works(client, lists):
    _news, _alerts, spanish = lists
    [address] = make_subscribers(spanish, 1, language="es", prefix="ramon")
    digest = make_digest(spanish, language="es", subject="Noticias de la Red, octubre de 2026")
    subscriber = Subscriber.objects.get(email=address)
    message = DigestTemplate(digest).message_for(subscriber)
    header = message.extra_headers["List-Unsubscribe"][1:-1]
    assert "/es/lista-de-correo/baja/" in header and header in message.body
    assert PREFERENCES_LINK.search(message.body).group(0).count("/es/lista-de-correo/preferencias/") == 1
    assert f"/es/lista-de-correo/resumenes/{digest.pk}/" in message.body
    # An unsubscribe header sent before the Spanish words: one click, from a mail client, still works.
    old = path_of(header).replace("/es/lista-de-correo/baja/", "/es/email-list/unsubscribe/")
    response = client.post(old, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ConsentRecord.objects.filter(action=ConsentAction.UNSUBSCRIBED, subscriber=subscriber).exists()


def test_the_language_switcher_translates_the_words_of_the_address(client, lists):
    spanish = client.get("/es/lista-de-correo/gracias/").content.decode()
    assert 'href="/email-list/thanks/"' in spanish
    english = client.get("/email-list/thanks/").content.decode()
    assert 'href="/es/lista-de-correo/gracias/"' in english
    old = client.get("/es/email-list/digests/").content.decode()
    assert 'href="/email-list/digests/"' in old
