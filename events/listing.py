"""Which events a listing or a feed shows, and the GET filters that narrow them, with counts.

The filters (``?state=TX&mode=online&lang=es&campaign=<slug>``) combine; each option's count is
the number of events it would show given the *other* active filters, as in the resource library.
Values that are not among the options are ignored, never refused, so an old shared link still
works. The events index, the archive and ``/events.ics`` all go through ``EventFilter``, so the
calendar feed holds exactly the events the same address shows on the index. The number of
queries does not depend on the number of events.
"""

from django import forms
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nnirr_site.core.widgets import ListingSelect
from events.models import Attendance, EventLanguage, EventPage
from events.places import STATES

MAX_VALUE_LENGTH = 100

def events_of(index):
    """Live, public events under ``index``."""
    return EventPage.objects.child_of(index).live().public()


def upcoming(index, now=None):
    """Events under ``index`` that have not ended, soonest first."""
    return events_of(index).filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")


def past_in_year(index, year, now=None):
    """Events under ``index`` that started in ``year`` and have ended, latest first."""
    return events_of(index).filter(ends_at__lt=now or timezone.now(), start_date__year=year).order_by("-starts_at", "pk")


def archive_years(index, now=None):
    """The years that have past events, newest first."""
    return list(
        events_of(index).filter(ends_at__lt=now or timezone.now())
        .annotate(year=ExtractYear("start_date")).order_by("-year").values_list("year", flat=True).distinct()
    )


def campaign_options(events):
    """The campaigns ``events`` belong to, as (slug, title) filter options by title."""
    return list(
        events.exclude(campaign=None).order_by("campaign__title").values_list("campaign__slug", "campaign__title").distinct()
    )


class EventFilterForm(forms.Form):
    """The events filter form; option lists and counts are set per request."""

    state = forms.ChoiceField(label=_("State"), required=False, widget=ListingSelect)
    mode = forms.ChoiceField(label=_("In person or online"), required=False, widget=ListingSelect)
    lang = forms.ChoiceField(label=_("Language"), required=False, widget=ListingSelect)
    campaign = forms.ChoiceField(label=_("Campaign"), required=False, widget=ListingSelect)

    EMPTY_LABELS = {
        "state": _("All states"),
        "mode": _("In person and online"),
        "lang": _("All languages"),
        "campaign": _("All campaigns"),
    }

    def __init__(self, data, options):
        super().__init__(data, auto_id="filter-%s")
        for name, field in self.fields.items():
            field.choices = [("", self.EMPTY_LABELS[name]), *options[name]]


class EventFilter:
    """Validates the filter parameters, applies them to a queryset of events and counts each option."""

    FIELDS = ("state", "mode", "lang", "campaign")

    def __init__(self, data, events, with_counts=True, campaigns=None):
        self.data = data
        self.events = events
        if with_counts and campaigns is None:
            campaigns = campaign_options(events)
        self.options = {
            "state": list(STATES),
            "mode": [(Attendance.IN_PERSON.value, _("In person")), (Attendance.ONLINE.value, _("Online"))],
            "lang": list(EventLanguage.choices),
            "campaign": list(campaigns) if with_counts else [],
        }
        trimmed = {name: str(data.get(name, ""))[:MAX_VALUE_LENGTH] for name in self.FIELDS if name in data}
        if not with_counts and trimmed.get("campaign"):
            # The feed does not list campaign options; any slug is accepted (an unknown one selects nothing).
            self.options["campaign"] = [(trimmed["campaign"], trimmed["campaign"])]
        if "state" in trimmed:
            trimmed["state"] = trimmed["state"].upper()
        self.form = EventFilterForm(trimmed, self.options)
        self.form.is_valid()
        self.active = {name: value for name, value in self.form.cleaned_data.items() if value}
        self.ignored = [name for name in self.FIELDS if name in self.form.errors]
        self.result_count = None  # how many events ``results()`` holds, once counted with the options
        if with_counts:
            self._add_counts()

    def apply(self, events, skip=None):
        """``events`` narrowed by every active filter except ``skip``."""
        for name, value in self.active.items():
            if name == skip:
                continue
            if name == "state":
                events = events.filter(state=value)
            elif name == "mode":
                events = events.filter(attendance__in=[value, Attendance.BOTH])
            elif name == "lang":
                events = events.filter(languages__contains=[value])
            elif name == "campaign":
                events = events.filter(campaign__slug=value)
        return events

    def results(self):
        return self.apply(self.events)

    def counts(self, name):
        narrowed = self.apply(self.events, skip=name).order_by()
        if name == "state":
            return dict(narrowed.values_list("state").annotate(n=Count("pk")))
        if name == "campaign":
            return dict(narrowed.exclude(campaign=None).values_list("campaign__slug").annotate(n=Count("pk")))
        if name == "mode":
            return narrowed.aggregate(
                **{
                    Attendance.IN_PERSON.value: Count("pk", filter=~Q(attendance=Attendance.ONLINE)),
                    Attendance.ONLINE.value: Count("pk", filter=~Q(attendance=Attendance.IN_PERSON)),
                }
            )
        return narrowed.aggregate(
            **{code: Count("pk", filter=Q(languages__contains=[code])) for code, _label in EventLanguage.choices}
        )

    # Each filter as SQL on the columns of ``all_counts``'s subquery (``apply`` says the same with the ORM).
    SQL_CONDITIONS = {
        "state": "b.state = %s",
        "mode": "b.attendance IN (%s, %s)",
        "lang": "b.languages @> ARRAY[%s]::varchar[]",
        "campaign": "b.campaign_slug = %s",
    }

    def _others(self, skip):
        """(SQL, params): every active filter but ``skip``, on ``all_counts``'s subquery."""
        parts, params = [], []
        for name, value in self.active.items():
            if name != skip:
                parts.append(self.SQL_CONDITIONS[name])
                params += [value, Attendance.BOTH] if name == "mode" else [value]
        return " AND ".join(parts) or "TRUE", params

    def all_counts(self):
        """``{name: counts}`` for the four filters, as ``counts(name)`` gives them, and ``"total"``
        (``{True: n}``, the number of results, so the paginator need not count), in one query.

        ``counts`` takes four aggregate queries; here the events are one subquery, the state and
        campaign counts two grouping sets and the others FILTERed counts over it, each with the other
        active filters as plain SQL with parameters.
        """
        base = self.events.order_by().values("id", "state", "attendance", "languages", campaign_slug=F("campaign__slug"))
        base_sql, base_params = base.query.sql_with_params()
        selects, params = [], []
        for name, extra in (("state", ""), ("campaign", " AND b.campaign_slug IS NOT NULL")):
            where, values = self._others(name)
            selects.append(f"COUNT(*) FILTER (WHERE {where}{extra})")
            params += values
        where, values = self._others("mode")
        for excluded in (Attendance.ONLINE, Attendance.IN_PERSON):
            selects.append(f"COUNT(*) FILTER (WHERE {where} AND NOT b.attendance = %s)")
            params += [*values, excluded]
        where, values = self._others("lang")
        codes = [code for code, _label in EventLanguage.choices]
        for code in codes:
            selects.append(f"COUNT(*) FILTER (WHERE {where} AND b.languages @> ARRAY[%s]::varchar[])")
            params += [*values, code]
        where, values = self._others(None)  # and the number of results, for the paginator
        selects.append(f"COUNT(*) FILTER (WHERE {where})")
        params += values
        query = (  # noqa: S608 - the conditions are ours; every value is a parameter
            f"SELECT GROUPING(b.state), GROUPING(b.campaign_slug), b.state, b.campaign_slug, {', '.join(selects)} "
            f"FROM ({base_sql}) AS b GROUP BY GROUPING SETS ((b.state), (b.campaign_slug), ())"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, [*params, *base_params])
            rows = cursor.fetchall()
        counts = {"state": {}, "campaign": {}, "mode": {}, "lang": {}, "total": {True: 0}}
        for state_set, campaign_set, state, campaign, n_state, n_campaign, *rest in rows:
            if not state_set and n_state:
                counts["state"][state] = n_state
            elif not campaign_set and n_campaign:
                counts["campaign"][campaign] = n_campaign
            elif state_set and campaign_set:
                counts["mode"] = {Attendance.IN_PERSON.value: rest[0], Attendance.ONLINE.value: rest[1]}
                counts["lang"] = dict(zip(codes, rest[2:2 + len(codes)]))
                counts["total"] = {True: rest[2 + len(codes)]}
        return counts

    def _add_counts(self):
        self.option_counts = {}
        every = self.all_counts()
        self.result_count = every["total"][True]
        for name in self.FIELDS:
            counts = every[name]
            field = self.form.fields[name]
            empty, *choices = field.choices
            if name == "state":
                # Fifty-odd states: offer those with events, and the one chosen even if it has none now.
                choices = [(v, l) for v, l in choices if counts.get(v) or self.active.get("state") == v]
            field.choices = [empty, *[(value, f"{label} ({counts.get(value, 0)})") for value, label in choices]]
            self.option_counts[name] = counts

    @property
    def is_active(self):
        return bool(self.active)

    def query(self):
        """The active filters as a query string (for the feed's address)."""
        from django.http import QueryDict

        params = QueryDict(mutable=True)
        for name, value in self.active.items():
            params[name] = value
        return params.urlencode()

    def active_filters(self):
        """What is filtered on, each with the query string that removes just that filter."""
        labels = {name: {str(v): label for v, label in self.options[name]} for name in self.FIELDS}
        items = []
        for name, value in self.active.items():
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            items.append(
                {"name": self.form.fields[name].label, "value": labels[name].get(str(value), value),
                 "remove_query": params.urlencode()}
            )
        return items


def group_by_state(events):
    """``[(state name, [events…]), …]`` in state-name order; online-only events last under "Online"."""
    from events.places import STATE_NAMES

    groups = {}
    for event in events:
        key = STATE_NAMES.get(event.state, "") if event.attendance != Attendance.ONLINE or event.state else ""
        groups.setdefault(key, []).append(event)
    named = sorted((k, v) for k, v in groups.items() if k)
    return named + ([("", groups[""])] if "" in groups else [])
