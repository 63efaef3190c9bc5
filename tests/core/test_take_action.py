"""The "Take action" page gathers every open action by itself, and ``/petitions/`` lists every petition."""

import datetime

import pytest
from django.utils import timezone

from campaigns.letters.models import DeliveryStatus, SignOnLetterPage
from campaigns.petitions.models import PetitionPage
from events.models import EventPage, EventStatus
from nnirr_site.core.models import HomePage, TakeActionPage

pytestmark = pytest.mark.django_db


def section(html, key):
    return html.split(f'id="{key}"', 1)[1].split("</section>", 1)[0]


def header_of(html):
    return html.split("<header", 1)[1].split("</header>", 1)[0]


def save(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_take_action_page_exists_in_both_languages_and_is_in_the_menu_and_hero(client):
    english = TakeActionPage.objects.get(locale__language_code="en")
    spanish = TakeActionPage.objects.get(locale__language_code="es")
    assert english.url == "/take-action/" and spanish.url == "/es/actua/"
    home = client.get("/").content.decode()
    assert 'href="/take-action/"' in header_of(home)
    hero = HomePage.objects.get(locale__language_code="en")
    assert hero.hero_cta_page_id == english.id and hero.hero_cta_text == "Take action"
    assert HomePage.objects.get(locale__language_code="es").hero_cta_page_id == spanish.id
    spanish_home = client.get("/es/").content.decode()
    assert 'href="/es/actua/"' in header_of(spanish_home)


def test_take_action_lists_open_actions_email_list_and_giving(client):
    html = client.get("/take-action/").content.decode()
    petitions = section(html, "petitions")
    assert "Ratify the Migrant Workers Convention" in petitions
    assert "62,500" not in petitions  # the 2021 refugee petition closed long ago
    open_letters = SignOnLetterPage.objects.live().filter(locale__language_code="en",
                                                           delivery_status=DeliveryStatus.OPEN)
    open_letters = [letter for letter in open_letters if not letter.is_closed]
    assert open_letters  # the demo's Migrants Day statement and the call for ratification
    letters = section(html, "letters")
    assert all(f'href="{letter.url}"' in letters for letter in open_letters)
    events = section(html, "events")
    assert events.count('class="card"') <= 6
    assert 'href="/events/"' in events
    assert 'href="/email-list/"' in section(html, "email-list")
    assert 'href="/donate/"' in section(html, "give")


def test_spanish_take_action_lists_spanish_pages_and_links(client):
    html = client.get("/es/actua/").content.decode()
    assert "Firma una petición" in html
    assert 'href="/es/lista-de-correo/"' in section(html, "email-list")
    assert 'href="/es/donar/"' in section(html, "give")
    english_titles = set(PetitionPage.objects.filter(locale__language_code="en").values_list("title", flat=True))
    assert not any(title in section(html, "petitions") for title in english_titles)


def test_closed_petitions_delivered_letters_and_past_or_cancelled_events_drop_off(client):
    now = timezone.now()
    petition = PetitionPage.objects.get(slug="ratify-the-convention-petition", locale__language_code="en")
    save(petition, deadline=now - datetime.timedelta(minutes=1))
    letter = SignOnLetterPage.objects.filter(locale__language_code="en", delivery_status=DeliveryStatus.OPEN).first()
    save(letter, delivery_status=DeliveryStatus.DELIVERED, delivered_on=now.date())
    upcoming = list(EventPage.objects.filter(locale__language_code="en", ends_at__gt=now).order_by("starts_at")[:2])
    save(upcoming[0], status=EventStatus.CANCELLED)
    html = client.get("/take-action/").content.decode()
    assert petition.title not in html
    assert f'href="{letter.url}"' not in html
    assert f'href="{upcoming[0].url}"' not in html
    assert f'href="{upcoming[1].url}"' in section(html, "events")


def test_a_new_open_petition_appears_without_editing_the_page(client):
    petition = PetitionPage.objects.get(slug="refugee-admissions-petition", locale__language_code="en")
    save(petition, deadline=timezone.now() + datetime.timedelta(days=3))
    assert "Admit at least 62,500 refugees this year" in section(client.get("/take-action/").content.decode(),
                                                                  "petitions")


def test_nothing_open_says_so_and_still_offers_the_list_and_giving(client):
    now = timezone.now()
    for petition in PetitionPage.objects.all():
        save(petition, deadline=now - datetime.timedelta(days=1))
    SignOnLetterPage.objects.update(delivery_status=DeliveryStatus.CLOSED)
    EventPage.objects.update(status=EventStatus.CANCELLED)
    html = client.get("/take-action/").content.decode()
    assert "No petition, sign-on letter or event is open right now." in html
    assert 'id="email-list"' in html and 'id="give"' in html


def test_petition_index_lists_every_petition_open_first(client):
    response = client.get("/petitions/")
    assert response.status_code == 200
    html = response.content.decode()
    open_part = html.split('id="open-petitions"', 1)[1].split("</section>", 1)[0]
    closed_part = html.split('id="closed-petitions"', 1)[1].split("</section>", 1)[0]
    assert "Ratify the Migrant Workers Convention" in open_part
    assert "Admit at least 62,500 refugees this year" in closed_part
    assert "Closed on May 15, 2021" in closed_part
    spanish = client.get("/es/peticiones/").content.decode()
    assert "Peticiones abiertas" in spanish and "Admitan al menos a 62.500 personas refugiadas" in spanish


def test_take_action_query_count_does_not_grow_with_open_actions(client, django_assert_max_num_queries):
    client.get("/take-action/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get("/take-action/")
    petition = PetitionPage.objects.get(slug="refugee-admissions-petition", locale__language_code="en")
    save(petition, deadline=timezone.now() + datetime.timedelta(days=3))
    client.get("/take-action/")
    with CaptureQueriesContext(connection) as after:
        client.get("/take-action/")
    assert len(after) <= len(before)
