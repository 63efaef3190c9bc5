"""schema.org ``Event`` data for an event page (JSON-LD), so search engines show its date, place and status.

Only what the page shows publicly goes in: a venue "shared after registration" appears as its city
and state, an online link sent only to registrants does not appear.
"""

import json

from django.utils.safestring import mark_safe

from events import feeds
from events.models import Attendance, EventStatus

MODES = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.BOTH: "https://schema.org/MixedEventAttendanceMode",
}
STATUSES = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def event_data(page):
    url = feeds.page_url(page)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "eventStatus": STATUSES[page.status],
        "eventAttendanceMode": MODES[page.attendance],
        "inLanguage": page.languages or [page.locale.language_code],
    }
    if page.all_day:
        data["startDate"] = page.start_date.isoformat()
        data["endDate"] = (page.end_date or page.start_date).isoformat()
    else:
        data["startDate"] = page.local_start.isoformat()
        data["endDate"] = page.local_end.isoformat()
    if page.summary:
        data["description"] = page.summary
    locations = []
    if page.attendance != Attendance.ONLINE:
        address = {"@type": "PostalAddress", "addressLocality": page.city, "addressRegion": page.state,
                   "addressCountry": "US"}
        place = {"@type": "Place", "address": address}
        if page.public_venue:
            place["name"] = page.venue_name or page.city
            if page.street_address:
                address["streetAddress"] = page.street_address
            if page.postal_code:
                address["postalCode"] = page.postal_code
            if page.public_geo:
                place["geo"] = {"@type": "GeoCoordinates", "latitude": float(page.public_geo[0]),
                                "longitude": float(page.public_geo[1])}
        else:
            place["name"] = page.public_place
        locations.append(place)
    if page.attendance != Attendance.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": page.public_online_url or url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    data["organizer"] = {"@type": "Organization", "name": page.organizer_name
                         or "National Network for Immigrant and Refugee Rights"}
    if page.organizer_url:
        data["organizer"]["url"] = page.organizer_url
    if page.registration_url or not page.cost:
        offer = {"@type": "Offer", "url": page.registration_url or url}
        if not page.cost:
            offer.update(price="0", priceCurrency="USD")
        data["offers"] = offer
    return data


def json_ld(page):
    """The data as a JSON string safe inside ``<script type="application/ld+json">`` (no ``<``, ``>``, ``&``)."""
    text = json.dumps(event_data(page), ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
