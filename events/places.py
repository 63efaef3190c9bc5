"""Where and when an event happens: US states and territories, the time zones editors choose from,
and turning a local date and time in an IANA zone into an aware moment.

Times are entered as the organizer says them ("6 pm in Tucson") with the event's zone, never in
the editor's own zone, and are turned into an aware datetime with ``zoneinfo``: America/Phoenix
has no daylight-saving time, so 6 pm there is always 01:00 UTC the next day, while 6 pm in
Chicago is 00:00 UTC in winter and 23:00 UTC in summer.
"""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import gettext_lazy as _

# Two-letter codes as the US Postal Service writes them; the names are proper nouns in both languages.
STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
    ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"),
    ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"),
    ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
    ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("PR", "Puerto Rico"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
    ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
]
STATE_NAMES = dict(STATES)

TIME_ZONES = [
    ("America/New_York", _("Eastern time (New York, Miami, Atlanta)")),
    ("America/Chicago", _("Central time (Chicago, Houston, Minneapolis)")),
    ("America/Denver", _("Mountain time (Denver, El Paso, Albuquerque)")),
    ("America/Phoenix", _("Arizona time, no daylight saving (Phoenix, Tucson)")),
    ("America/Los_Angeles", _("Pacific time (Los Angeles, Seattle, Las Vegas)")),
    ("America/Anchorage", _("Alaska time (Anchorage)")),
    ("Pacific/Honolulu", _("Hawaii time (Honolulu)")),
    ("America/Puerto_Rico", _("Atlantic time (San Juan)")),
]
DEFAULT_TIME_ZONE = "America/New_York"


class NonexistentLocalTime(ValueError):
    """The clock skips this time in this zone (the hour lost when daylight-saving time starts)."""


def zone(name):
    """The ``ZoneInfo`` for ``name``, or UTC when the name is unknown (an event is never lost for it)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return datetime.timezone.utc


def aware(day, time, zone_name):
    """``day`` at ``time`` in the zone ``zone_name``, as an aware datetime; refuses a time the clock skips.

    An ambiguous time (the hour repeated when daylight-saving time ends) is read as its first occurrence.
    """
    tz = zone(zone_name)
    local = datetime.datetime.combine(day, time, tzinfo=tz)
    round_trip = local.astimezone(datetime.timezone.utc).astimezone(tz)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise NonexistentLocalTime(f"{day} {time} does not exist in {zone_name}")
    return local
