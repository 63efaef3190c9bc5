"""Calendar files and feeds, parsed back with the icalendar library: what they hold, in which language,
how a cancellation reaches subscribers, and that a private venue never leaks."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from events import feeds
from events.models import EventPage
from tests.events.helpers import demo_index, make_event, parse, publish, translate

pytestmark = pytest.mark.django_db


def uids_of_listing(client, url):
    """The UIDs of every event the index lists at ``url`` (all its pages)."""
    uids, page = set(), 1
    while True:
        response = client.get(url + ("&" if "?" in url else "?") + f"page={page}")
        assert response.status_code == 200
        listed = response.context["events"]
        uids |= {feeds.uid(event) for event in listed}
        if not listed.has_next():
            return uids
        page += 1


@pytest.mark.parametrize("query", ["", "state=TX", "state=TX&lang=es", "mode=online", "state=CA&mode=in_person",
                                   "campaign=international-migrants-day", "lang=other&state=FL", "state=ZZ"])
def test_the_feed_holds_exactly_the_events_the_index_lists_with_the_same_filters(client, query):
    _calendar, events = parse(client.get(f"/events.ics?{query}"))
    assert set(events) == uids_of_listing(client, f"/events/?{query}")
    assert events, "the demo has events for each of these filters"


def test_the_spanish_feed_has_the_spanish_pages_and_descriptions(client):
    _calendar, events = parse(client.get("/es/events.ics?state=AZ"))
    spanish = {feeds.uid(page): page for page in demo_index("es").get_children().live().specific()
               if page.state == "AZ" and not page.is_past}
    assert set(events) == set(spanish)
    for uid, vevent in events.items():
        assert str(vevent["URL"]).startswith("https://") or "/es/eventos/" in str(vevent["URL"])
        assert "Más información" in str(vevent["DESCRIPTION"])
    cancelled = [e for e in events.values() if str(e["STATUS"]) == "CANCELLED"]
    assert cancelled and str(cancelled[0]["SUMMARY"]).startswith("Cancelado")


def test_entries_carry_location_geo_url_and_a_timezone_for_each_tzid(client):
    calendar, events = parse(client.get("/events.ics"))
    tzids = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    for vevent in events.values():
        if hasattr(vevent["DTSTART"].dt, "hour"):
            assert vevent["DTSTART"].params["TZID"] in tzids
        assert str(vevent["URL"])
    tucson = next(e for e in events.values() if "Tucson" in str(e.get("LOCATION", "")))
    assert "221 S 6th Ave" in str(tucson["LOCATION"])
    assert tucson["GEO"].latitude == pytest.approx(32.2153)


def test_uid_is_stable_across_edits_and_sequence_grows(client):
    event = make_event(title="Forum on rights")
    first = parse(client.get(event.url + "calendar/"))[1][feeds.uid(event)]
    edited = publish(event, title="Forum on human rights", start_time=datetime.time(17, 0))
    second = parse(client.get(edited.url + "calendar/"))[1][feeds.uid(event)]
    assert feeds.uid(edited) == feeds.uid(event)
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert second["DTSTART"].dt.hour == 17


def test_a_cancelled_event_stays_in_the_feed_with_status_cancelled_and_a_higher_sequence(client):
    event = make_event(state="NM", city="Albuquerque", time_zone="America/Denver")
    before = parse(client.get("/events.ics?state=NM"))[1][feeds.uid(event)]
    assert str(before["STATUS"]) == "CONFIRMED"
    publish(event, status="cancelled", status_note="The hall flooded.")
    after = parse(client.get("/events.ics?state=NM"))[1][feeds.uid(event)]
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert "The hall flooded." in str(after["DESCRIPTION"])
    page = client.get(event.url).content.decode()
    assert "Cancelled" in page and "The hall flooded." in page


def test_a_postponed_event_is_tentative_with_its_new_date(client):
    event = make_event()
    publish(event, status="postponed", postponed_to=datetime.date(2028, 1, 20))
    vevent = parse(client.get(event.url + "calendar/"))[1][feeds.uid(event)]
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert "Jan. 20, 2028" in str(vevent["DESCRIPTION"])


def test_past_and_unpublished_events_are_not_in_the_feed(client):
    past = make_event(start_date=timezone.localdate() - datetime.timedelta(days=3))
    draft = make_event(publish=False)
    _calendar, events = parse(client.get("/events.ics"))
    assert feeds.uid(past) not in events and feeds.uid(draft) not in events


PRIVATE_BITS = ["Secret Basement Hall", "99 Hidden Lane", "31.111111", "-110.222222", "85799"]


def assert_private_absent(text):
    for bit in PRIVATE_BITS:
        assert bit not in text, bit


def test_a_private_venue_never_appears_anywhere(client):
    event = make_event(venue_name="Secret Basement Hall", street_address="99 Hidden Lane", postal_code="85799",
                       latitude="31.111111", longitude="-110.222222", venue_private=True,
                       campaign=None, title="Private dinner")
    spanish = translate(event, slug="cena-privada", title="Cena privada")
    pages = [event.url, spanish.url, "/events/", "/events/?state=AZ", "/es/eventos/?state=AZ",
             event.url + "calendar/", "/events.ics", "/es/events.ics?state=AZ", "/events/archive/2025/"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_private_absent(response.content.decode())
    html = client.get(event.url).content.decode()
    assert "Tucson, Arizona" in html
    assert "shared with those who register" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert_private_absent(json.dumps(data))
    assert data["location"]["address"]["addressLocality"] == "Tucson"


def test_json_ld_describes_the_event(client):
    event = make_event(attendance="both", online_url="https://meet.example.org/x")
    html = client.get(event.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"] == "2027-12-18T18:00:00-07:00"
    assert {location["@type"] for location in data["location"]} == {"Place", "VirtualLocation"}
    publish(event, status="cancelled")
    html = client.get(event.url).content.decode()
    assert "https://schema.org/EventCancelled" in html


def test_an_online_link_for_registrants_only_is_not_shown(client):
    event = make_event(attendance="online", state="", city="", online_url="https://meet.example.org/secret-room",
                       online_url_private=True, registration_url="https://register.example.org/x")
    for url in [event.url, event.url + "calendar/", "/events.ics"]:
        assert "secret-room" not in client.get(url).content.decode()


def test_add_to_calendar_links_are_plain_links_with_utc_times(client):
    event = make_event()
    html = client.get(event.url).content.decode()
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20271219T010000Z%2F20271219T030000Z" in html
    assert "outlook.live.com" in html and "calendar.yahoo.com" in html
    assert "<script src" not in html


def test_feed_headers(client):
    response = client.get("/events.ics?state=TX&lang=es")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert client.get("/events.ics", REQUEST_METHOD="POST").status_code in (200, 405)
    assert client.post("/events.ics").status_code == 405


def test_the_feed_fast_path_answers_the_same_bytes_and_follows_publishes(client, settings):
    url = "/events.ics?state=TX&lang=es"
    plain = client.get(url)
    settings.EVENTS_FEED_CACHE_SECONDS = 600
    fast = client.get(url + "&utm_source=x")  # junk parameters share the entry
    assert fast.content == plain.content
    assert dict(fast.items()) == dict(plain.items())
    # A change that publishes nothing is not seen while the entry lives: the answer comes from the cache.
    event = EventPage.objects.live().filter(state="TX", languages__contains=["es"], locale__language_code="en").first()
    EventPage.objects.filter(pk=event.pk).update(title="Quietly renamed")
    assert b"Quietly renamed" not in client.get(url).content
    settings.EVENTS_FEED_CACHE_SECONDS = 0
    assert b"Quietly renamed" in client.get(url).content
    settings.EVENTS_FEED_CACHE_SECONDS = 600
    # A publish replaces the generation: the next answer has the change.
    new = make_event(state="TX", city="Austin", time_zone="America/Chicago", languages=["es"])
    assert feeds.uid(new) in parse(client.get(url))[1]
    publish(new, status="cancelled")
    assert str(parse(client.get(url))[1][feeds.uid(new)]["STATUS"]) == "CANCELLED"
