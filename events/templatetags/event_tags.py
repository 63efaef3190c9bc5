"""Template tags for events: when an event happens (in its own time zone), its status, and a campaign's events.

``{% campaign_events page %}`` is how a campaign page lists its events of the year grouped by
state without the campaigns app importing this one.
"""

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from events.listing import group_by_state
from events.models import EventIndexPage, EventPage, EventStatus

register = template.Library()


def _day(value, long=False):
    if long:
        return f"{formats.date_format(value, 'l')}, {formats.date_format(value, 'DATE_FORMAT')}"
    return formats.date_format(value, "DATE_FORMAT")


def _time(value):
    return formats.time_format(value, "TIME_FORMAT")


@register.simple_tag
def event_when(event, long=False):
    """"December 18, 2026, 6 p.m.–8 p.m. (Arizona time)" in the event's own zone, in the active language."""
    start, end = event.local_start, event.local_end
    if event.all_day:
        last = event.end_date or event.start_date
        if last != event.start_date:
            return f"{_day(event.start_date, long)} – {_day(last, long)}"
        return _day(event.start_date, long) + (f" ({_('all day')})" if long else "")
    text = f"{_day(start.date(), long)}, {_time(start.time())}"
    if end.date() == start.date():
        text += f"–{_time(end.time())}"
    else:
        text += f" – {_day(end.date(), long)}, {_time(end.time())}"
    return f"{text} {start.tzname()}"


@register.simple_tag
def event_status(event):
    if event.status == EventStatus.CANCELLED:
        return _("Cancelled")
    if event.status == EventStatus.POSTPONED:
        if event.postponed_to:
            return _("Postponed to %(date)s") % {"date": formats.date_format(event.postponed_to, "DATE_FORMAT")}
        return _("Postponed; new date to be announced")
    return ""


@register.inclusion_tag("events/includes/campaign_events.html", takes_context=True)
def campaign_events(context, campaign):
    """The campaign's events of its current year (the year of its next event, else its latest), by state."""
    events = EventPage.objects.live().public().filter(campaign__translation_key=campaign.translation_key,
                                                      locale_id=campaign.locale_id)
    upcoming = events.filter(ends_at__gte=timezone.now()).order_by("starts_at").values_list("start_date", flat=True).first()
    year = upcoming.year if upcoming else None
    if year is None:
        latest = events.order_by("-start_date").values_list("start_date", flat=True).first()
        year = latest.year if latest else None
    if year is None:
        return {"groups": []}
    listed = list(events.filter(start_date__year=year).order_by("state", "starts_at", "pk"))
    index = EventIndexPage.objects.live().filter(locale_id=campaign.locale_id).first()
    return {
        "groups": group_by_state(listed),
        "year": year,
        "index": index,
        "campaign_slug": campaign.slug,
        "request": context.get("request"),
    }
