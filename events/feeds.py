"""iCalendar (RFC 5545) files of events, written with the ``icalendar`` library.

One event's file (its "Add to calendar" download) and the subscribable feeds (``/events.ics``,
``/es/events.ics``, with the index's filters) are built here the same way:

- UID: the page's translation key at the site's host, so it stays the same across edits, moves
  and renames (calendars match entries by UID);
- SEQUENCE: the page's publication counter, which grows on every publish, so calendars replace
  the entry they hold (a changed time, a cancellation);
- DTSTART/DTEND with the event's TZID and a VTIMEZONE for each zone used (all-day events as
  dates); DTSTAMP and LAST-MODIFIED: the last publication;
- LOCATION only as much as may be public (never a venue "shared after registration"), GEO when the
  venue is public and its position known, URL, and a DESCRIPTION in the language of the page;
- STATUS: CONFIRMED, TENTATIVE for a postponed event, CANCELLED for a cancelled one (it stays in
  the feed so subscribers' calendars learn of the cancellation).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration, vGeo

from events.models import EventStatus

PRODID = "-//National Network for Immigrant and Refugee Rights//Events//EN"
REFRESH = datetime.timedelta(hours=6)


def site_base():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def uid(page):
    host = urlsplit(site_base()).hostname or "nnirr.org"
    return f"event-{page.translation_key}@{host}"


def page_url(page):
    """The absolute address of a page from the site's configured base URL (never the request's host)."""
    _site_id, _root, path = page.get_url_parts()
    return f"{site_base()}{path}"


def status_line(page):
    """A sentence about a cancellation or postponement in the active language, or ""."""
    if page.status == EventStatus.CANCELLED:
        return _("This event is cancelled.")
    if page.status == EventStatus.POSTPONED:
        if page.postponed_to:
            return _("This event is postponed to %(date)s.") % {"date": date_format(page.postponed_to, "DATE_FORMAT")}
        return _("This event is postponed; the new date will be announced.")
    return ""


def description(page, url):
    parts = [status_line(page), page.status_note, page.summary]
    if page.organizer_name:
        parts.append(_("Organized by %(organizer)s.") % {"organizer": page.organizer_name})
    if page.venue_private and not page.is_online_only:
        parts.append(_("The exact place is shared with those who register."))
    if page.public_online_url:
        parts.append(_("Join online: %(url)s") % {"url": page.public_online_url})
    elif page.online_url and page.attendance != "in_person":
        parts.append(_("The online link is sent to those who register."))
    if page.registration_url:
        parts.append(_("Register: %(url)s") % {"url": page.registration_url})
    parts.append(_("More information: %(url)s") % {"url": url})
    return "\n\n".join(part for part in parts if part)


def summary(page):
    if page.status == EventStatus.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": page.title}
    if page.status == EventStatus.POSTPONED:
        return _("Postponed: %(title)s") % {"title": page.title}
    return page.title


def location(page):
    if page.is_online_only:
        return _("Online")
    return page.public_location


def vevent(page, language):
    """One VEVENT for ``page``, in ``language``."""
    url = page_url(page)
    with translation.override(language):
        event = Event()
        event.add("uid", uid(page))
        event.add("sequence", page.sequence)
        stamp = page.last_published_at or page.latest_revision_created_at or timezone.now()
        event.add("dtstamp", stamp.astimezone(datetime.timezone.utc))
        event.add("last-modified", stamp.astimezone(datetime.timezone.utc))
        if page.all_day:
            event.add("dtstart", page.start_date)
            event.add("dtend", (page.end_date or page.start_date) + datetime.timedelta(days=1))
        else:
            event.add("dtstart", page.local_start)
            event.add("dtend", page.local_end)
        event.add("summary", summary(page))
        event.add("description", description(page, url))
        place = location(page)
        if place:
            event.add("location", place)
        geo = page.public_geo
        if geo is not None:
            event.add("geo", vGeo((float(geo[0]), float(geo[1]))))
        event.add("url", url)
        event.add("status", {
            EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE",
        }.get(page.status, "CONFIRMED"))
        event.add("transp", "OPAQUE")
        if page.organizer_name:
            event.add("x-nnirr-organizer", page.organizer_name)
    return event


def calendar(pages, language, name):
    """A VCALENDAR of ``pages`` with the VTIMEZONEs their times need; returns the file's bytes."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    first = last = None
    for page in pages:
        cal.add_component(vevent(page, language))
        first = min(first, page.start_date) if first else page.start_date
        end = page.end_date or page.start_date
        last = max(last, end) if last else end
    if first is not None:
        # Only the transitions around the events, not every one since 1970: the feed stays small.
        cal.add_missing_timezones(
            first_date=first - datetime.timedelta(days=366), last_date=last + datetime.timedelta(days=366)
        )
    return cal.to_ical()
