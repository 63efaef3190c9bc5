"""Sub-page slugs in the page's language, with the declared English ones still accepted."""

import pytest

from supporter_actions.route_slugs import declared_route, localize_route


@pytest.mark.parametrize("declared, spanish", [
    ("thanks/", "gracias/"),
    ("confirm/abc_DEF-123/", "confirmar/abc_DEF-123/"),
    ("add/thanks/", "agregar/gracias/"),
    ("add/confirm/tok-en/", "agregar/confirmar/tok-en/"),
    ("archive/2025/", "archivo/2025/"),
    ("calendar/", "calendario/"),
    ("", ""),
])
def test_spanish_slugs_both_ways(declared, spanish):
    assert localize_route(declared, "es") == spanish
    assert declared_route("/" + spanish, "es") == "/" + declared
    assert localize_route(declared, "en") == declared
    assert declared_route("/" + declared, "en") == "/" + declared


def test_a_token_that_spells_a_route_word_is_kept_as_the_last_segment():
    assert localize_route("confirm/thanks", "es") == "confirmar/thanks"


@pytest.mark.django_db
def test_spanish_event_pages_link_and_answer_spanish_sub_pages(client):
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get(locale__language_code="es")
    html = client.get(index.url).content.decode()
    assert f'href="{index.url}agregar/"' in html and f'{index.url}add/"' not in html
    assert client.get(index.url + "agregar/").status_code == 200
    assert client.get(index.url + "add/").status_code == 200  # links already shared keep working
    event = EventPage.objects.live().filter(locale__language_code="es").first()
    assert f'{event.url}calendario/' in client.get(event.url).content.decode()
    assert client.get(event.url + "calendario/")["Content-Type"].startswith("text/calendar")
    english = EventIndexPage.objects.get(locale__language_code="en")
    assert client.get(english.url + "agregar/").status_code == 404  # English pages keep English slugs
