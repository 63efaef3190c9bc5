"""Links that open an event in Google Calendar, Outlook.com, Office 365 and Yahoo Calendar.

They are plain links built here, on the server: the page loads nothing from those services, and
only a visitor who follows one tells that service about the event. Times go as UTC (Google gets
the event's zone as ``ctz`` too); all-day events as dates. The ``.ics`` download works everywhere
else (Apple Calendar, Thunderbird, phones).
"""

import datetime
from urllib.parse import urlencode

from events import feeds


def _utc(moment, fmt="%Y%m%dT%H%M%SZ"):
    return moment.astimezone(datetime.timezone.utc).strftime(fmt)


def links(page, language):
    """``[(service name, url), …]`` for ``page``."""
    url = feeds.page_url(page)
    details = feeds.description(page, url)
    place = feeds.location(page)
    title = feeds.summary(page)
    end_day = (page.end_date or page.start_date) + datetime.timedelta(days=1)
    if page.all_day:
        google_dates = f"{page.start_date:%Y%m%d}/{end_day:%Y%m%d}"
        iso_start, iso_end = page.start_date.isoformat(), end_day.isoformat()
    else:
        google_dates = f"{_utc(page.starts_at)}/{_utc(page.ends_at)}"
        iso_start = _utc(page.starts_at, "%Y-%m-%dT%H:%M:%SZ")
        iso_end = _utc(page.ends_at, "%Y-%m-%dT%H:%M:%SZ")
    google = "https://calendar.google.com/calendar/render?" + urlencode({
        "action": "TEMPLATE", "text": title, "dates": google_dates, "details": details, "location": place,
        "ctz": page.time_zone, "hl": language,
    })
    outlook_params = {
        "path": "/calendar/action/compose", "rru": "addevent", "subject": title, "startdt": iso_start,
        "enddt": iso_end, "body": details, "location": place,
    }
    if page.all_day:
        outlook_params["allday"] = "true"
    outlook = "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook_params)
    office = "https://outlook.office.com/calendar/0/deeplink/compose?" + urlencode(outlook_params)
    yahoo_params = {"v": "60", "title": title, "desc": details, "in_loc": place}
    if page.all_day:
        yahoo_params.update(st=f"{page.start_date:%Y%m%d}", et=f"{end_day:%Y%m%d}", dur="allday")
    else:
        yahoo_params.update(st=_utc(page.starts_at), et=_utc(page.ends_at))
    yahoo = "https://calendar.yahoo.com/?" + urlencode(yahoo_params)
    return [("Google Calendar", google), ("Outlook.com", outlook), ("Office 365", office), ("Yahoo Calendar", yahoo)]
