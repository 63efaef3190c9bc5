"""Times are entered and shown in the event's own zone and written to calendars with their TZID.

The issue's cases: 6 pm in Tucson (America/Phoenix, no daylight-saving time) shows 6 pm on the page
and is 01:00Z in the feed, in winter and in summer; in a zone with daylight-saving time the same
6 pm is a different UTC hour either side of the change, and a time the clock skips is refused.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events import feeds
from events.places import NonexistentLocalTime, aware
from tests.events.helpers import make_event, parse

pytestmark = pytest.mark.django_db

UTC = datetime.timezone.utc


def utc_start(vevent):
    return vevent["DTSTART"].dt.astimezone(UTC)


@pytest.mark.parametrize("day", [datetime.date(2027, 12, 18), datetime.date(2027, 7, 1)])
def test_six_pm_in_tucson_is_one_am_utc_in_winter_and_summer(client, day):
    event = make_event(start_date=day, start_time=datetime.time(18, 0), end_time=datetime.time(19, 30),
                       time_zone="America/Phoenix")
    assert event.starts_at == datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(1, 0), UTC)

    page = client.get(event.url)
    assert page.status_code == 200
    assert "6 p.m." in page.content.decode()
    assert "7:30 p.m." in page.content.decode()

    _calendar, events = parse(client.get(event.url + "calendar/"))
    vevent = events[feeds.uid(event)]
    assert vevent["DTSTART"].params["TZID"] == "America/Phoenix"
    assert vevent["DTSTART"].dt.hour == 18
    assert utc_start(vevent) == datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(1, 0), UTC)


def test_tucson_event_is_one_am_utc_in_the_subscribed_feed(client):
    event = make_event(start_date=datetime.date(2027, 12, 18), time_zone="America/Phoenix")
    calendar, events = parse(client.get("/events.ics"))
    assert utc_start(events[feeds.uid(event)]) == datetime.datetime(2027, 12, 19, 1, 0, tzinfo=UTC)
    assert "America/Phoenix" in [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]


def test_daylight_saving_change_does_not_shift_the_local_time(client):
    """Chicago changes clocks on 14 March 2027: 6 pm stays 6 pm, so its UTC hour moves from 00:00 to 23:00."""
    before = make_event(start_date=datetime.date(2027, 3, 13), time_zone="America/Chicago", city="Chicago", state="IL")
    after = make_event(start_date=datetime.date(2027, 3, 15), time_zone="America/Chicago", city="Chicago", state="IL")
    assert before.starts_at == datetime.datetime(2027, 3, 14, 0, 0, tzinfo=UTC)
    assert after.starts_at == datetime.datetime(2027, 3, 15, 23, 0, tzinfo=UTC)
    for event in (before, after):
        assert "6 p.m." in client.get(event.url).content.decode()
    _calendar, events = parse(client.get("/events.ics?state=IL"))
    assert utc_start(events[feeds.uid(before)]).hour == 0
    assert utc_start(events[feeds.uid(after)]).hour == 23
    assert events[feeds.uid(after)]["DTSTART"].dt.hour == 18


def test_an_event_across_the_change_keeps_its_wall_clock_end():
    event = make_event(start_date=datetime.date(2027, 11, 6), start_time=datetime.time(20, 0),
                       end_date=datetime.date(2027, 11, 7), end_time=datetime.time(8, 0),
                       time_zone="America/New_York", city="New York", state="NY")
    # 8 pm EDT (UTC-4) to 8 am EST (UTC-5): thirteen hours, not twelve.
    assert event.ends_at - event.starts_at == datetime.timedelta(hours=13)
    assert event.local_end.hour == 8


def test_a_time_the_clock_skips_is_refused():
    with pytest.raises(NonexistentLocalTime):
        aware(datetime.date(2027, 3, 14), datetime.time(2, 30), "America/Chicago")
    with pytest.raises(ValidationError) as error:
        make_event(start_date=datetime.date(2027, 3, 14), start_time=datetime.time(2, 30), end_time=None,
                   time_zone="America/Chicago")
    assert "start_time" in error.value.message_dict


def test_all_day_events_are_dates_in_calendars(client):
    event = make_event(start_date=datetime.date(2027, 12, 18), end_date=datetime.date(2027, 12, 19),
                       start_time=None, end_time=None)
    _calendar, events = parse(client.get(event.url + "calendar/"))
    vevent = events[feeds.uid(event)]
    assert vevent["DTSTART"].dt == datetime.date(2027, 12, 18)
    assert vevent["DTEND"].dt == datetime.date(2027, 12, 20)
