"""Assembling a digest's items from what was published in its period, in its language.

Blog posts and resources first published in the period, then upcoming events (from the period's
end, for six weeks) when the ``events`` app is installed: it is looked up by name through the app
registry, so the list works with or without it and imports nothing of it. Items keep a copy of the
page's title, summary and address, which editors then trim, reorder or leave out.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from email_list.models import DigestItem

# (app label, model, kind, how many at most)
SOURCES = [("blog", "BlogPage", "post", 10), ("resources", "ResourcePage", "resource", 10)]
EVENT_SOURCE = ("events", "EventPage", "event", 10)
EVENT_WINDOW = datetime.timedelta(weeks=6)


def _model(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def page_url(page):
    """The page's address on the public site, or "" when it is not under any site (Wagtail gives None)."""
    parts = page.get_url_parts()
    path = parts[2] if parts else None
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}" if path else ""


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def candidates(digest):
    """``[(kind, page)]`` published in the digest's period (and upcoming events), in its language, in order."""
    locale = Locale.objects.filter(language_code=digest.language).first()
    if locale is None:
        return []
    start, end = _day_start(digest.period_start), _day_start(digest.period_end + datetime.timedelta(days=1))
    found = []
    for app_label, model_name, kind, most in SOURCES:
        model = _model(app_label, model_name)
        if model is None:
            continue
        pages = (model.objects.live().public().filter(locale=locale, first_published_at__gte=start,
                                                         first_published_at__lt=end)
                 .order_by("-first_published_at")[:most])
        found += [(kind, page) for page in pages]
    app_label, model_name, kind, most = EVENT_SOURCE
    events = _model(app_label, model_name)
    if events is not None:
        pages = (events.objects.live().public().filter(locale=locale, starts_at__gte=end,
                                                          starts_at__lt=end + EVENT_WINDOW)
                 .order_by("starts_at")[:most])
        found += [(kind, page) for page in pages]
    return found


def fill(digest):
    """Replace the digest's items with the candidates of its period; return how many."""
    items = []
    for order, (kind, page) in enumerate(candidates(digest)):
        url = page_url(page)
        if not url:
            continue
        items.append(DigestItem(digest=digest, page=page, kind=kind, title=page.title[:255],
                                summary=(getattr(page, "summary", "") or "")[:600], url=url, sort_order=order))
    digest.items.all().delete()
    DigestItem.objects.bulk_create(items)
    return len(items)
