"""What the public may know about a service: the one place confidential locations are enforced.

Every public view of the directory — the list, a service's page, the map, the CSV and JSON
exports, the feed, the directory's own search and the sitemap — gets its services from
``public_services`` and sees them only as ``PublicService`` objects. A ``PublicService`` is built
from a ``values()`` row whose address, postal code, latitude and longitude are already blanked *in
SQL* when the location is confidential, so no template, export or serializer can reach them by
accident: the model instance, with its real fields, never leaves this module. Confidential
services still show their city, state, phone and everything else.

Closed services are not public at all; temporarily closed ones are, with a notice.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, CharField, DecimalField, F, Value, When
from django.utils import formats, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext

from services.models import (
    PUBLIC_STATUSES,
    Category,
    Fees,
    Language,
    Service,
    ServiceHours,
    ServiceStatus,
    State,
    Weekday,
    YesNoUnknown,
    stale_cutoff,
)
from supporter_actions.page_routes import answers

# The columns read for the public; none of them is a confidential address or coordinate.
PUBLIC_COLUMNS = (
    "pk", "translation_key", "slug", "name", "organization_name", "organization_name_language", "description",
    "categories", "languages", "interpretation_available", "eligibility", "no_documents_required",
    "documents_required", "fees", "fees_note", "asks_immigration_status", "shares_with_enforcement", "status", "hours_note", "open_24_hours", "time_zone",
    "phone", "email", "website", "city", "state", "country", "service_area", "address_confidential",
    "last_verified_on", "updated_at",
)
# The columns shown only when the location is not confidential, as SQL expressions.
SHOWN_LOCATION = {
    "shown_address": Case(When(address_confidential=True, then=Value("")), default=F("address"),
                          output_field=CharField()),
    "shown_postal_code": Case(When(address_confidential=True, then=Value("")), default=F("postal_code"),
                              output_field=CharField()),
    "shown_latitude": Case(When(address_confidential=True, then=Value(None)), default=F("latitude"),
                           output_field=DecimalField(max_digits=9, decimal_places=6)),
    "shown_longitude": Case(When(address_confidential=True, then=Value(None)), default=F("longitude"),
                            output_field=DecimalField(max_digits=9, decimal_places=6)),
}


# Label lookups, built once: Django's ``Choices.values`` makes a new list on every call.
CATEGORY_LABELS = dict(Category.choices)
LANGUAGE_LABELS = dict(Language.choices)
STATE_LABELS = dict(State.choices)
FEES_LABELS = dict(Fees.choices)


@answers("services.public_queryset")
def public_queryset(locale):
    """The services the public may see in ``locale``, as a queryset to filter (never to render)."""
    return Service.objects.filter(locale=locale, status__in=PUBLIC_STATUSES)


@dataclass
class Opening:
    weekday: int
    opens: object
    closes: object

    @property
    def day_name(self):
        return str(Weekday(self.weekday).label)


@dataclass
class PublicService:
    """A service as the public sees it (see the module docstring)."""

    pk: int
    translation_key: object
    slug: str
    name: str
    organization_name: str
    organization_name_language: str
    description: str
    categories: list
    languages: list
    interpretation_available: bool
    eligibility: str
    no_documents_required: bool
    documents_required: str
    fees: str
    fees_note: str
    asks_immigration_status: str
    shares_with_enforcement: str
    status: str
    hours_note: str
    open_24_hours: bool
    time_zone: str
    phone: str
    email: str
    website: str
    city: str
    state: str
    country: str
    service_area: str
    address_confidential: bool
    last_verified_on: date | None
    updated_at: object
    address: str = ""
    postal_code: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    hours: list = field(default_factory=list)
    url: str = ""

    @property
    def category_labels(self):
        return [str(CATEGORY_LABELS[value]) for value in self.categories if value in CATEGORY_LABELS]

    @property
    def organization_name_lang(self):
        """The ``lang`` the organization's name needs on this page: its language when not the page's, else ""."""
        language = self.organization_name_language
        if not language or language == (translation.get_language() or "").split("-")[0]:
            return ""
        return language

    @property
    def language_labels(self):
        return [str(LANGUAGE_LABELS[value]) for value in self.languages if value in LANGUAGE_LABELS]

    @property
    def state_label(self):
        return str(STATE_LABELS.get(self.state, self.state))

    @property
    def city_key(self):
        return city_key(self.state, self.city)

    @property
    def fees_label(self):
        return str(FEES_LABELS.get(self.fees, ""))

    @property
    def asks_status_label(self):
        return str(YesNoUnknown(self.asks_immigration_status).label)

    @property
    def shares_label(self):
        return str(YesNoUnknown(self.shares_with_enforcement).label)

    @property
    def temporarily_closed(self):
        return self.status == ServiceStatus.TEMPORARILY_CLOSED

    @property
    def is_stale(self):
        return self.last_verified_on is None or self.last_verified_on < stale_cutoff()

    @property
    def phone_href(self):
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""

    @cached_property
    def place(self):
        """"Nogales, Sonora": what every public view shows of where it is, confidential or not."""
        return f"{self.city}, {self.state_label}"

    @cached_property
    def hours_summary(self):
        """"Monday–Friday: 9 a.m.–5 p.m." lines: consecutive days with the same hours share a line."""
        by_day = {}
        for opening in self.hours:
            by_day.setdefault(opening.weekday, []).append(
                f"{formats.time_format(opening.opens)}–{formats.time_format(opening.closes)}"
            )
        lines, run = [], []
        for day in range(7):
            periods = by_day.get(day)
            if run and periods == by_day.get(run[-1]) and periods:
                run.append(day)
                continue
            if run:
                lines.append(_day_range(run, by_day[run[0]]))
            run = [day] if periods else []
        if run:
            lines.append(_day_range(run, by_day[run[0]]))
        return lines

    @property
    def status_label(self):
        return str(ServiceStatus(self.status).label)


def _day_range(days, periods):
    first, last = str(Weekday(days[0]).label), str(Weekday(days[-1]).label)
    span = first if len(days) == 1 else f"{first}–{last}"
    return f"{span}: {', '.join(periods)}"


def city_key(state, city):
    """The value of the ``city`` filter: the state too, since Nogales is in Arizona and in Sonora."""
    return f"{state}:{city}"


def public_services(queryset, with_hours=True, url_for=None):
    """``PublicService`` objects for the rows of ``queryset`` (already filtered and ordered), in two queries."""
    rows = list(queryset.annotate(**SHOWN_LOCATION).values(*PUBLIC_COLUMNS, *SHOWN_LOCATION))
    services = []
    for row in rows:
        shown = {
            "address": row.pop("shown_address") or "",
            "postal_code": row.pop("shown_postal_code") or "",
            "latitude": row.pop("shown_latitude"),
            "longitude": row.pop("shown_longitude"),
        }
        service = PublicService(**row, **shown)
        if url_for is not None:
            service.url = url_for(service)
        services.append(service)
    if with_hours and services:
        by_pk = {service.pk: service for service in services}
        for hours in ServiceHours.objects.filter(service_id__in=by_pk).order_by("weekday", "opens", "sort_order"):
            by_pk[hours.service_id].hours.append(Opening(hours.weekday, hours.opens, hours.closes))
    return services


def public_service(locale, slug, url_for=None):
    """The one public service with ``slug`` in ``locale``, or None."""
    found = public_services(public_queryset(locale).filter(slug=slug[:100]), url_for=url_for)
    return found[0] if found else None


def yes_no_unknown_phrase(kind, value):
    """The sentence shown for the two safety questions, so "unknown" never reads as "no"."""
    phrases = {
        ("asks", "yes"): gettext("Asks about immigration status"),
        ("asks", "no"): gettext("Does not ask about immigration status"),
        ("asks", "unknown"): gettext("Not known whether it asks about immigration status"),
        ("shares", "yes"): gettext("Shares information with immigration enforcement"),
        ("shares", "no"): gettext("Does not share information with immigration enforcement"),
        ("shares", "unknown"): gettext("Not known whether it shares information with immigration enforcement"),
    }
    return phrases[(kind, value)]
