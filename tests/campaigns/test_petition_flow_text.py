"""The petition flow reads naturally: thanks once, a breadcrumb that ends where you are, a readable
error summary, and a country list with common names and the United States first, in English and Spanish."""

import re

import pytest

from campaigns.petitions.models import PetitionPage
from tests.campaigns.petition_helpers import sign

pytestmark = pytest.mark.django_db


def main_of(html):
    return html.split('<main', 1)[1].split("</main>", 1)[0]


@pytest.fixture(autouse=True)
def no_fill_time(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0


@pytest.fixture
def convention():
    return PetitionPage.objects.get(slug="ratify-the-convention-petition", locale__language_code="en")


@pytest.fixture
def convention_es(convention):
    return PetitionPage.objects.get(translation_key=convention.translation_key, locale__language_code="es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_thank_you_page_thanks_once(client, convention, convention_es, language):
    petition = convention if language == "en" else convention_es
    main = main_of(client.get(petition.url + ("thanks/")).content.decode())
    word = "Thank you" if language == "en" else "Gracias"
    visible = re.sub(r"<[^>]+>", " ", main.split("</nav>", 1)[-1])  # after the breadcrumb
    assert len(re.findall(rf"(?i)\b{word}\b", visible)) == 1, visible


def test_thank_you_breadcrumb_links_the_petition_and_ends_with_the_step(client, convention):
    html = client.get(convention.url + "thanks/").content.decode()
    crumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{convention.url}">{convention.title}</a>' in crumbs
    assert '<span aria-current="page">Thank you</span>' in crumbs
    assert crumbs.count(f'href="{convention.url}"') == 1


def test_breadcrumb_of_a_page_names_it_once_without_a_link(client):
    html = client.get("/about/").content.decode()
    crumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert crumbs.count("About the network") == 1
    assert '<span aria-current="page">About the network</span>' in crumbs


def test_a_petition_named_like_its_campaign_is_not_named_twice_in_the_trail(client, convention):
    parent = convention.get_parent()
    assert parent.title == convention.title  # the demo's petition has its campaign's name
    crumbs = client.get(convention.url).content.decode().split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert crumbs.count(convention.title) == 1 and f'href="{parent.url}"' in crumbs


@pytest.mark.parametrize("language, message", [
    ("en", "Please agree to the privacy notice so we can count your signature."),
    ("es", "Por favor, acepta el aviso de privacidad para que podamos contar tu firma."),
])
def test_error_summary_reads_as_a_sentence(client, convention, convention_es, language, message):
    petition = convention if language == "en" else convention_es
    response = sign(client, petition, consent=None, first_name=None)
    assert response.status_code == 200
    html = response.content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li><a [^>]*>(.*?)</a></li>", summary, re.S)
    assert any(item.startswith(message) for item in items), items
    assert not any(".:" in item for item in items)
    assert any(item.startswith(("First name:", "Nombre:")) for item in items)


@pytest.mark.parametrize("language, first, absent", [
    ("en", ["United States", "Mexico", "Afghanistan"], ["Naoero", "(The)", "United States of America"]),
    ("es", ["Estados Unidos", "México", "Afganistán"], ["Trinidad yTobago", "Suazilandia"]),
])
def test_country_list_has_common_names_with_the_united_states_first(client, convention, convention_es,
                                                                    language, first, absent):
    petition = convention if language == "en" else convention_es
    html = client.get(petition.url).content.decode()
    select = html.split('name="country"', 1)[1].split("</select>", 1)[0]
    names = re.findall(r"<option value=\"[A-Z]{2}\"[^>]*>([^<]+)</option>", select)
    assert names[:3] == first
    assert len(names) == len(set(names))  # the first two are not repeated further down
    for name in absent:
        assert name not in select


def test_spanish_petition_routes_use_spanish_slugs_and_keep_the_english_ones(client, convention, convention_es):
    from django.core import mail

    from tests.campaigns.petition_helpers import run_queued_tasks

    mail.outbox = []
    response = sign(client, convention_es, email="rutas@example.org")
    assert response["Location"] == convention_es.url + "gracias/"
    assert client.get(convention_es.url + "gracias/").status_code == 200
    assert client.get(convention_es.url + "thanks/").status_code == 200  # links already sent keep working
    assert client.get(convention.url + "gracias/").status_code == 404  # English pages keep English slugs
    assert sign(client, convention, email="routes@example.org")["Location"] == convention.url + "thanks/"
    run_queued_tasks()
    spanish_email = next(m for m in mail.outbox if m.to == ["rutas@example.org"])
    link = re.search(r"https?://\S+/confirmar/[A-Za-z0-9_-]+/", spanish_email.body).group(0)
    assert "/retirar/" in spanish_email.body
    path = "/" + link.split("/", 3)[3]
    page = client.get(path)
    assert page.status_code == 200 and "Confirma tu firma" in page.content.decode()
    assert client.post(path).status_code in (200, 303)
    english_email = next(m for m in mail.outbox if m.to == ["routes@example.org"])
    assert "/confirm/" in english_email.body and "/withdraw/" in english_email.body
