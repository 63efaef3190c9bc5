"""Public event views: the index (upcoming, filtered), the archive by year, an event, its calendar file, the feeds."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from campaigns.models import CampaignPage
from events import calendar_links, feed_cache, feeds, listing, structured_data
from events.models import EventIndexPage, EventPage
from nnirr_site.core import page_extras
from nnirr_site.core.views import paginate
from supporter_actions.page_routes import answers

FEED_CACHE_SECONDS = 900


def route_urls(index):
    """The addresses of the index's own routes, for templates."""
    url = index.url
    return {"index_url": url, "submit_url": url + index.reverse_subpage("submit")}


def index_context(request, index, events, **extra):
    # The campaign options and the archive's years are the same for every visitor of this list: kept
    # until an event or a campaign is published (their kinds) and read afresh each minute, as events end
    # (``page_extras.shared``; the events shown and their counts are read on every request).
    minute = timezone.now().replace(second=0, microsecond=0)
    campaigns = page_extras.shared("event-campaign-options", lambda: listing.campaign_options(events), index.pk,
                                   extra.get("archive_year"), bucket=minute, kinds=(EventPage, CampaignPage))
    event_filter = listing.EventFilter(request.GET, events, campaigns=campaigns)
    context = index.get_context(request)
    context.update(route_urls(index))
    years = page_extras.shared("event-archive-years", lambda: listing.archive_years(index), index.pk,
                               bucket=minute, kinds=(EventPage,))
    context.update(
        archive_links=[(year, context["index_url"] + index.reverse_subpage("archive", args=[year])) for year in years],
        filter=event_filter,
        filter_form=event_filter.form,
        events=paginate(request, event_filter.results(), index.PAGE_SIZE, count=event_filter.result_count),
        archive_years=years,
        **extra,
    )
    return context


@answers("events.index")
def index_page(request, index):
    """Upcoming events, soonest first, with filters and the feed's address for the same filters."""
    context = index_context(request, index, listing.upcoming(index), archive_year=None)
    query = context["filter"].query()
    context["feed_path"] = feed_path(query)
    return TemplateResponse(request, index.get_template(request), context)


@answers("events.archive")
def archive_page(request, index, year):
    """Past events of one year, latest first, with the same filters."""
    context = index_context(request, index, listing.past_in_year(index, year), archive_year=year)
    if year not in context["archive_years"]:
        raise Http404
    context["archive_url"] = context["index_url"] + index.reverse_subpage("archive", args=[year])
    return TemplateResponse(request, "events/event_archive.html", context)


def feed_path(query=""):
    """The feed's path in the active language, with a query string."""
    language = translation.get_language() or "en"
    prefix = "" if language == "en" else f"/{language}"
    return f"{prefix}/events.ics" + (f"?{query}" if query else "")


@answers("events.event")
def event_page(request, page):
    language = translation.get_language() or page.locale.language_code
    context = page.get_context(request)
    context.update(
        index=page.get_parent(),
        calendar_url=page.url + page.reverse_subpage("calendar_file"),
        calendar_links=calendar_links.links(page, language),
        json_ld=structured_data.json_ld(page),
    )
    return TemplateResponse(request, page.get_template(request), context)


def calendar_response(body, filename, disposition="attachment"):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
@answers("events.event_calendar")
def event_calendar(request, page):
    """One event's ``.ics`` file (the "Add to calendar" download)."""
    language = page.locale.language_code
    body = feeds.calendar([page], language, page.title)
    return calendar_response(body, f"{page.slug[:60] or 'event'}.ics")


@require_safe
def feed(request):
    """``/events.ics`` (``/es/events.ics``): the upcoming events of the language's index, with its filters."""
    locale = Locale.get_active()
    index = EventIndexPage.objects.live().public().filter(locale=locale).first()
    if index is None:
        raise Http404
    event_filter = listing.EventFilter(request.GET, listing.upcoming(index), with_counts=False)

    def build():
        pages = list(event_filter.results().select_related("locale"))
        name = _("NNIRR events")
        if event_filter.is_active:
            name = f"{name} ({', '.join(str(item['value']) for item in event_filter.active_filters())})"
        return feeds.calendar(pages, locale.language_code, name)

    body = feed_cache.feed_bytes(locale.language_code, event_filter.query(), build)
    response = calendar_response(body, "nnirr-events.ics", "inline")
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response
