"""One page of every public page type, in English and Spanish: the tour that the layout tests and
``make screenshots`` walk.

Reads the live pages of the current database (the demo content) so the tour follows the content
instead of hard-coded addresses. Each entry is ``(name, language, path)``.
"""

from django.apps import apps
from wagtail.models import Locale, Page

# (name, "app_label.ModelName", a filter picking a representative page, or None for the first live one)
PAGE_TYPES = [
    ("home", "core.HomePage", None),
    ("program-index", "campaigns.ProgramIndexPage", None),
    ("program", "campaigns.ProgramPage", None),
    ("campaign-index", "campaigns.CampaignIndexPage", None),
    ("campaign", "campaigns.CampaignPage", {"status": "active"}),
    ("petition", "petitions.PetitionPage", None),
    ("sign-on-letter", "letters.SignOnLetterPage", None),
    ("blog-index", "blog.BlogIndexPage", None),
    ("blog-post", "blog.BlogPage", None),
    ("resource-library", "resources.ResourceIndexPage", None),
    ("resource", "resources.ResourcePage", None),
    ("event-index", "events.EventIndexPage", None),
    ("event", "events.EventPage", None),
    ("services-directory", "services.ServiceDirectoryPage", None),
    ("take-action", "core.TakeActionPage", None),
    ("standard", "core.StandardPage", {"slug": "about"}),
    ("contact", "core.StandardPage", {"show_contact_details": True}),
]


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _newest(queryset):
    """The most recently published page of a queryset (the demo's current items, not its archive)."""
    return queryset.order_by("-first_published_at", "-pk").first()


def tour():
    """``[(name, language, path), ...]`` for every page type found, in English then Spanish."""
    english = Locale.objects.get(language_code="en")
    entries = []
    for name, label, filters in PAGE_TYPES:
        model = _model(label)
        if model is None:
            continue
        candidates = model.objects.live().public().filter(locale=english)
        if filters:
            try:
                picked = _newest(candidates.filter(**filters)) or _newest(candidates)
            except Exception:  # a filter field this model lacks: fall back to any page of the type
                picked = _newest(candidates)
        else:
            picked = _newest(candidates)
        if picked is None:
            continue
        entries.append((name, "en", picked.url))
        spanish = picked.get_translations().live().filter(locale__language_code="es").first()
        if spanish is not None:
            entries.append((name, "es", spanish.url))
        if name == "services-directory":
            entries.extend(_service_entries(picked, spanish))
    entries.extend([
        ("search", "en", "/search/?q=refugee"),
        ("search", "es", "/es/search/?q=refugiados"),
        ("not-found", "en", "/no-such-page/"),
        ("not-found", "es", "/es/no-existe/"),
    ])
    return entries


def _service_entries(directory, spanish_directory):
    Service = _model("services.Service")
    entries = []
    for language, page in (("en", directory), ("es", spanish_directory)):
        if page is None:
            continue
        service = Service.objects.filter(locale__language_code=language).order_by("pk").first()
        if service is not None:
            entries.append(("service", language, page.specific.service_url(service.slug)))
    return entries
