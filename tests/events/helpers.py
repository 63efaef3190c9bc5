"""Shared helpers for the events tests: an index of our own, events in it, and reading feeds back."""

import datetime
import itertools

from icalendar import Calendar
from wagtail.models import Locale, Page

from events.models import EventIndexPage, EventPage
from nnirr_site.core.demo_builders import ensure_page, ensure_translation
from nnirr_site.core.models import HomePage

_slugs = itertools.count(1)


def demo_index(language="en"):
    """The demo events index (``/events/``, ``/es/eventos/``)."""
    return EventIndexPage.objects.get(slug="events" if language == "en" else "eventos", locale__language_code=language)


def make_event(index=None, publish=True, **fields):
    """A live event under ``index`` (the demo index by default), a Tucson evening next year unless told."""
    index = index or demo_index()
    defaults = {
        "title": f"Test event {next(_slugs)}",
        "start_date": datetime.date(2027, 12, 18),
        "start_time": datetime.time(18, 0),
        "end_time": datetime.time(20, 0),
        "time_zone": "America/Phoenix",
        "city": "Tucson",
        "state": "AZ",
        "attendance": "in_person",
        "venue_name": "Test Hall",
        "street_address": "1 Test St",
        "languages": ["en"],
    }
    defaults.update(fields)
    slug = defaults.pop("slug", None) or f"test-event-{next(_slugs)}"
    page = EventPage(slug=slug, live=publish, **defaults)
    Page.objects.get(pk=index.pk).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        layout_changed()
    return EventPage.objects.get(pk=page.pk)


def publish(page, **changes):
    """Change ``page`` and publish it, starting from the database copy."""
    page = EventPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    layout_changed()
    return EventPage.objects.get(pk=page.pk)


def translate(page, slug=None, **fields):
    translated = ensure_translation(page, "es", slug or page.slug, **fields)
    layout_changed()
    return translated


def layout_changed():
    """What a commit after a publish does (the test's transaction never commits): a new cache generation."""
    from nnirr_site.core.layout_cache import _set_new_generation

    _set_new_generation()


def parse(response):
    """The VEVENTs of an iCalendar response, parsed back with the library, by UID."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    calendar = Calendar.from_ical(body)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def home(language="en"):
    return HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code=language))


def fresh_index(slug="test-events"):
    """An empty events index of our own (a second one under home is refused by the tree rules, so no parent check)."""
    return ensure_page(Page.objects.get(pk=home().pk), EventIndexPage, slug, title="Test events")
