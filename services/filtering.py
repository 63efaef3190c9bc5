"""Filtering the directory with GET parameters that combine, with a count beside every option.

``?category=legal&state=MX-SON&free=1`` is an address people can share and the form works
without JavaScript. Values that are not among the options (an unknown category, a city that is
not listed, ``lat=abc``) are ignored, never refused, and a query is cut to ``MAX_QUERY_LENGTH``.
Each option's count is how many services it would show with the *other* active filters
(faceted counts), and every count is one aggregate query, so the number of queries does not
depend on how many services there are.

Filters: text ``q`` (name, organization, description, city; never the address, so a search cannot
tell where a confidential shelter is), ``category``, ``state``, ``city`` (``US-AZ:Nogales``: the
state is part of it), ``language``, ``free``, ``no_status_question`` (does not ask about
immigration status) and ``open`` (open now, in each service's own time zone).
"""

from zoneinfo import ZoneInfo

from django import forms
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nnirr_site.core import page_extras
from nnirr_site.core.facet_sql import grouped_counts
from nnirr_site.core.widgets import ListingSelect
from services.disclosure import city_key
from services.models import (
    Category,
    Fees,
    Language,
    Service,
    ServiceHours,
    ServiceStatus,
    State,
    TimeZone,
    YesNoUnknown,
)

MAX_QUERY_LENGTH = 200
MAX_VALUE_LENGTH = 120
CHOICE_FILTERS = ("category", "state", "city", "language")
FLAG_FILTERS = ("free", "no_status_question", "open")
FILTERS = ("q", *CHOICE_FILTERS, *FLAG_FILTERS)


class ServiceFilterForm(forms.Form):
    """The directory's filter form; choices and counts are set per request."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH)
    category = forms.ChoiceField(label=_("Kind of help"), required=False, widget=ListingSelect)
    state = forms.ChoiceField(label=_("State"), required=False, widget=ListingSelect)
    city = forms.ChoiceField(label=_("City"), required=False, widget=ListingSelect)
    language = forms.ChoiceField(label=_("Language spoken"), required=False, widget=ListingSelect)
    free = forms.BooleanField(label=_("Free only"), required=False)
    no_status_question = forms.BooleanField(label=_("Does not ask about immigration status"), required=False)
    open = forms.BooleanField(label=_("Open now"), required=False)

    EMPTY_LABELS = {
        "category": _("All kinds of help"),
        "state": _("All states"),
        "city": _("All cities"),
        "language": _("All languages"),
    }

    def __init__(self, data, options):
        super().__init__(data)
        for name in CHOICE_FILTERS:
            self.fields[name].choices = [("", self.EMPTY_LABELS[name]), *options[name]]


def clean_text(value):
    """One line of text without NUL (PostgreSQL refuses it), at most ``MAX_QUERY_LENGTH`` characters."""
    return " ".join(str(value).replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def open_now_q(now=None):
    """Services open at ``now``, each in its own time zone; temporarily closed ones never are."""
    now = now or timezone.now()
    hours = ServiceHours._meta
    blocks, params = [], []
    for zone in TimeZone.values:
        local = now.astimezone(ZoneInfo(zone))
        moment, weekday = local.time().replace(microsecond=0), local.weekday()
        yesterday = (weekday - 1) % 7
        # Today: a period that opens and closes on the same day, or the evening part of one that runs
        # past midnight; after yesterday's period that ran past midnight: its morning part.
        blocks.append(
            "(s.time_zone = %s AND ("
            "(h.weekday = %s AND h.opens <= %s AND ((h.closes > %s AND h.opens < h.closes) OR h.opens >= h.closes))"
            " OR (h.weekday = %s AND h.closes > %s AND h.opens >= h.closes)))"
        )
        params += [zone, weekday, moment, moment, yesterday, moment]
    # One plain SQL condition: the same nine per-zone subqueries through the ORM took milliseconds to build.
    open_hours = RawSQL(
        f'SELECT h.service_id FROM {hours.db_table} h JOIN {Service._meta.db_table} s ON s.id = h.service_id '  # noqa: S608
        f'WHERE {" OR ".join(blocks)}',
        params,
    )
    return Q(status=ServiceStatus.ACTIVE) & (Q(open_24_hours=True) | Q(pk__in=open_hours))


def open_now_q_orm(now=None):
    """``open_now_q`` through the ORM's expressions (one ``Exists`` per time zone): the reference the
    tests compare it with."""
    now = now or timezone.now()
    condition = Q(open_24_hours=True)
    for zone in TimeZone.values:
        local = now.astimezone(ZoneInfo(zone))
        moment, weekday = local.time().replace(microsecond=0), local.weekday()
        yesterday = (weekday - 1) % 7
        periods = ServiceHours.objects.filter(service=OuterRef("pk")).filter(
            # Within a period that opens and closes on the same day,
            Q(weekday=weekday, opens__lte=moment, closes__gt=moment, opens__lt=F("closes"))
            # or one that runs past midnight: the evening part today, the morning part after yesterday's.
            | Q(weekday=weekday, opens__lte=moment, opens__gte=F("closes"))
            | Q(weekday=yesterday, closes__gt=moment, opens__gte=F("closes"))
        )
        condition |= Q(time_zone=zone) & Exists(periods)
    return Q(status=ServiceStatus.ACTIVE) & condition


def text_search(services, value):
    """``services`` whose name, organization, description or city contain ``value`` (accents ignored)."""
    return services.filter(
        Q(name__unaccent__icontains=value)
        | Q(organization_name__unaccent__icontains=value)
        | Q(description__unaccent__icontains=value)
        | Q(city__unaccent__icontains=value)
    )


class ServiceFilter:
    """Validates the filter parameters, applies them, and counts each option (see the module docstring)."""

    def __init__(self, data, services, now=None, with_counts=True, shared_as=None):
        """``shared_as``: a name for ``services`` (the locale's public services) under which what every
        request reads alike (the city options, the services open this minute) is kept for the layout
        generation (``page_extras.shared``); None reads them afresh."""
        self.data = data
        self.services = services
        self.now = now
        self.shared_as = shared_as
        self.options = {
            "category": list(Category.choices),
            "state": list(State.choices),
            "city": self._city_options(),
            "language": list(Language.choices),
        }
        trimmed = {}
        for name in FILTERS:
            if name in data:
                value = data.get(name, "")
                trimmed[name] = clean_text(value) if name == "q" else str(value)[:MAX_VALUE_LENGTH]
        self.form = ServiceFilterForm(trimmed, self.options)
        self.form.is_valid()
        self.active = {
            name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", False)
        }
        self.ignored = [name for name in FILTERS if name in self.form.errors]
        self.option_counts = {}
        self.result_count = None  # how many services ``results()`` holds, when the counts were made
        if with_counts:
            self._add_counts()

    def _city_options(self):
        def build():
            return list(self.services.order_by("state", "city").values_list("state", "city").distinct())

        # Saving a service starts a new generation (services/apps.py); the labels follow the language.
        cities = build() if self.shared_as is None else page_extras.shared("service-cities", build, self.shared_as, kinds=())
        labels = dict(State.choices)
        return [(city_key(state, city), f"{city}, {labels.get(state, state)}") for state, city in cities]

    def apply(self, services, skip=None):
        """``services`` narrowed by every active filter except ``skip``."""
        for name, value in self.active.items():
            if name == skip:
                continue
            if name == "q":
                services = text_search(services, value)
            elif name == "category":
                services = services.filter(categories__contains=[value])
            elif name == "state":
                services = services.filter(state=value)
            elif name == "city":
                state, _sep, city = value.partition(":")
                services = services.filter(state=state, city=city)
            elif name == "language":
                services = services.filter(languages__contains=[value])
            elif name == "free":
                services = services.filter(fees=Fees.FREE)
            elif name == "no_status_question":
                services = services.filter(asks_immigration_status=YesNoUnknown.NO)
            elif name == "open":
                services = services.filter(self.open_now())
        return services

    def results(self):
        return self.apply(self.services)

    def open_now(self):
        """``open_now_q`` as the list of services it matches, found with one query per request.

        The condition has one subquery per time zone; building it into each of the eight counts made
        Django compile it eight times (most of the filtered directory's 126 ms render, bench/side_by_side.py)
        and PostgreSQL run it eight times.
        """
        if not hasattr(self, "_open_ids"):
            if self.now is None and self.shared_as is not None:
                # Opening hours are whole minutes (the admin's time fields), so the answer at the start of
                # this minute is the answer all through it: found once a minute, for every request.
                minute = timezone.now().replace(second=0, microsecond=0)
                self._open_ids = page_extras.shared(
                    "services-open-now", lambda: self._find_open_ids(minute), self.shared_as, bucket=minute, kinds=()
                )
            else:
                self._open_ids = self._find_open_ids(self.now)
        return Q(pk__in=self._open_ids)

    def _find_open_ids(self, now):
        return list(self.services.filter(open_now_q(now)).order_by().values_list("pk", flat=True))

    def counts(self, name):
        """How many services each option of ``name`` would show, with the other filters applied."""
        narrowed = self.apply(self.services, skip=name).order_by()
        if name == "category":
            return narrowed.aggregate(**{v: Count("pk", filter=Q(categories__contains=[v])) for v in Category.values})
        if name == "language":
            return narrowed.aggregate(**{v: Count("pk", filter=Q(languages__contains=[v])) for v in Language.values})
        if name == "state":
            return dict(narrowed.values_list("state").annotate(count=Count("pk")))
        if name == "city":
            return {
                city_key(state, city): count
                for state, city, count in narrowed.values_list("state", "city").annotate(count=Count("pk"))
            }
        condition = {
            "free": Q(fees=Fees.FREE),
            "no_status_question": Q(asks_immigration_status=YesNoUnknown.NO),
            "open": self.open_now(),
        }[name]
        return {True: narrowed.filter(condition).count()}

    # Each filter as SQL on the columns of ``all_counts``'s subquery (``apply`` says the same with the ORM).
    SQL_CONDITIONS = {
        "category": "b.categories @> ARRAY[%s]::varchar[]",
        "state": "b.state = %s",
        "city": "(b.state = %s AND b.city = %s)",
        "language": "b.languages @> ARRAY[%s]::varchar[]",
        "free": "b.fees = %s",
        "no_status_question": "b.asks_immigration_status = %s",
        "open": "b.is_open",
    }

    def _sql_condition(self, name, value):
        """(SQL, params) of filter ``name`` at ``value`` on ``all_counts``'s subquery."""
        if name == "city":
            state, _sep, city = value.partition(":")
            params = [state, city]
        elif name == "free":
            params = [Fees.FREE]
        elif name == "no_status_question":
            params = [YesNoUnknown.NO]
        elif name == "open":
            params = []
        else:
            params = [value]
        return self.SQL_CONDITIONS[name], params

    def all_counts(self):
        """``{name: counts}`` for every filter, as ``counts(name)`` gives them, and ``"total"``: ``{True: n}``
        (the number of results), in one query.

        ``counts`` asks the ORM for one aggregate per filter: seven queries, and building their sixty
        conditions was most of the filtered directory's render (``bench/side_by_side.py``). Here the
        services matching the text search (the ORM's ``apply``) are read once (a materialized
        ``WITH``), and each filter's options are counted by one ``GROUP BY`` over it (categories and
        languages through ``unnest``), with the other active filters as plain SQL. An earlier version
        had one ``COUNT(*) FILTER`` per option (about a hundred): 2.3 ms a request against 0.5 ms for
        this one, most of it PostgreSQL planning the long statement.
        """
        base = self.services.order_by()
        if "q" in self.active:
            base = text_search(base, self.active["q"])
        columns = ("id", "categories", "state", "city", "languages", "fees", "asks_immigration_status")
        base_sql, base_params = base.values(*columns).query.sql_with_params()

        def where(*skipped):
            """The active filters but ``skipped`` (and the text search, already in the base) as SQL."""
            parts, params = [], []
            for active, value in self.active.items():
                if active not in (*skipped, "q"):
                    sql, values = self._sql_condition(active, value)
                    parts.append(sql)
                    params += values
            return " AND ".join(parts) or "TRUE", params

        # (filter, SQL giving the option per row, the FROM clause)
        grouped = (
            ("category", "o", "b, unnest(b.categories) AS o"),
            ("language", "o", "b, unnest(b.languages) AS o"),
            ("state", "b.state", "b"),
            ("city", "b.state || ':' || b.city", "b"),
        )
        # DISTINCT in each count: a row listing an option twice counts once, as the ORM's @> does.
        selects, params = grouped_counts(grouped, where)
        for name in (*FLAG_FILTERS, "total"):
            condition, values = where(name)
            if name != "total":
                sql, flag_values = self._sql_condition(name, True)
                condition, values = f"{condition} AND {sql}", [*values, *flag_values]
            selects.append(f"SELECT %s, NULL, COUNT(*) FROM b WHERE {condition}")
            params += [name, *values]
        self.open_now()
        query = (  # noqa: S608 - the conditions are ours; every value is a parameter
            f"WITH b AS MATERIALIZED (SELECT s.*, s.id = ANY(%s) AS is_open FROM ({base_sql}) AS s) "
            + " UNION ALL ".join(selects)
        )
        with connection.cursor() as cursor:
            cursor.execute(query, [self._open_ids, *base_params, *params])
            rows = cursor.fetchall()
        known = {
            "category": set(Category.values),
            "language": set(Language.values),
            "state": set(State.values),
            "city": {key for key, _label in self.options["city"]},
        }
        counts = {name: {} for name in (*FILTERS, "total")}
        for name, option, count in rows:
            if name in known:
                if option in known[name] and count:
                    counts[name][option] = count
            else:
                counts[name][True] = count
        return counts

    def _add_counts(self):
        self.option_counts = {}
        every = self.all_counts()
        self.result_count = every["total"][True]
        for name in CHOICE_FILTERS:
            counts = every[name]
            field = self.form.fields[name]
            empty, *choices = field.choices
            field.choices = [empty, *[(value, f"{label} ({counts.get(value, 0)})") for value, label in choices]]
            self.option_counts[name] = counts
        for name in FLAG_FILTERS:
            count = every[name][True]
            self.option_counts[name] = count
            field = self.form.fields[name]
            field.label = f"{field.label} ({count})"
        # Validation made the bound fields (with the labels as they were); they are made again from the counted fields.
        self.form._bound_fields_cache.clear()

    @property
    def is_active(self):
        return bool(self.active)

    def query_without(self, *names, **extra):
        """The current query string without ``names`` (and ``page``), with ``extra`` set."""
        params = self.data.copy()
        for name in (*names, "page"):
            params.pop(name, None)
        for name, value in extra.items():
            params[name] = value
        return params.urlencode()

    def active_filters(self):
        """What is filtered on, each with the query string that removes just that filter."""
        base_labels = ServiceFilterForm.base_fields
        labels = {name: dict(self.options[name]) for name in CHOICE_FILTERS}
        items = []
        for name, value in self.active.items():
            shown = labels[name].get(value, value) if name in labels else (value if name == "q" else "")
            items.append(
                {
                    "name": base_labels[name].label,
                    "value": shown,
                    "remove_query": self.query_without(name),
                }
            )
        return items
