"""Filtering the resource library by kind, topic, language and year, with a count beside every option.

The filters come from GET parameters (``?kind=report&language=es``), so a
filtered list has an address people can share and the form works without
JavaScript. Values that are not among the options are ignored rather than
refused. Each option's count is the number of resources it would show given
the *other* active filters (faceted counts), so a visitor sees where each
choice leads before choosing it. The number of queries does not depend on the
size of the library.
"""

from django import forms
from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from nnirr_site.core.facet_sql import grouped_counts
from nnirr_site.core.widgets import ListingSelect
from resources.vocabulary import ResourceKind, ResourceLanguage, ResourcePageTag

MAX_VALUE_LENGTH = 100


class ResourceFilterForm(forms.Form):
    """The library's filter form; option lists are set per request from what the library holds."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=ListingSelect)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=ListingSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=ListingSelect)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None, widget=ListingSelect)

    EMPTY_LABELS = {
        "kind": _("All kinds"),
        "topic": _("All topics"),
        "language": _("All languages"),
        "year": _("All years"),
    }

    def __init__(self, data, options):
        super().__init__(data)
        for name, field in self.fields.items():
            field.choices = [("", self.EMPTY_LABELS[name]), *options[name]]


class ResourceFilter:
    """Validates the filter parameters and applies them to a queryset of resources."""

    FIELDS = ("kind", "topic", "language", "year")

    def __init__(self, data, resources):
        self.data = data
        self.resources = resources
        # Keeping these two option lists for the generation (page_extras.shared) saved 0.2 ms of 12.7
        # (1%, bench/fast_paths.py, 2026-11-27): not done.
        topics, years = self._topic_and_year_options()
        self.options = {
            "kind": list(ResourceKind.choices),
            "topic": topics,
            "language": list(ResourceLanguage.choices),
            "year": years,
        }
        trimmed = {name: data.get(name, "")[:MAX_VALUE_LENGTH] for name in self.FIELDS if name in data}
        self.form = ResourceFilterForm(trimmed, self.options)
        self.form.is_valid()
        self.active = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "")
        }
        self.ignored = [name for name in self.FIELDS if name in self.form.errors]
        self._add_counts()

    def _topic_and_year_options(self):
        topics = list(
            ResourcePageTag.objects.filter(content_object__in=self.resources)
            .values_list("tag__slug", "tag__name")
            .distinct()
            .order_by(Lower("tag__name"))
        )
        years = [
            (year, str(year))
            for year in self.resources.exclude(publication_year=None)
            .order_by("-publication_year")
            .values_list("publication_year", flat=True)
            .distinct()
        ]
        return topics, years

    def apply(self, resources, skip=None):
        """``resources`` narrowed by every active filter except ``skip``."""
        for name, value in self.active.items():
            if name == skip:
                continue
            if name == "kind":
                resources = resources.filter(kind=value)
            elif name == "topic":
                resources = resources.filter(topics__slug=value)
            elif name == "language":
                resources = resources.filter(languages__contains=[value])
            elif name == "year":
                resources = resources.filter(publication_year=value)
        return resources

    def results(self):
        return self.apply(self.resources)

    def counts(self, name):
        """How many resources each option of filter ``name`` would show, with the other filters applied."""
        narrowed = self.apply(self.resources, skip=name).order_by()
        if name == "kind":
            return dict(narrowed.values_list("kind").annotate(count=Count("pk")))
        if name == "year":
            return dict(narrowed.values_list("publication_year").annotate(count=Count("pk")))
        if name == "topic":
            return dict(
                ResourcePageTag.objects.filter(content_object__in=narrowed)
                .order_by()
                .values_list("tag__slug")
                .annotate(count=Count("content_object", distinct=True))
            )
        aggregates = {
            code: Count("pk", filter=Q(languages__contains=[code])) for code, _label in ResourceLanguage.choices
        }
        return narrowed.aggregate(**aggregates)

    # Each filter as SQL on the columns of ``all_counts``'s ``WITH`` (``apply`` says the same with the ORM).
    SQL_CONDITIONS = {
        "kind": "b.kind = %s",
        "topic": "b.topics @> ARRAY[%s]::varchar[]",
        "language": "b.languages @> ARRAY[%s]::varchar[]",
        "year": "b.publication_year = %s",
    }

    def all_counts(self):
        """``{name: counts(name)}`` for every filter, and ``"total"``: the number of results, in one query.

        ``counts`` is one ORM aggregate per filter, and the paginator counted once more: five queries
        and most of the filtered library's render (``bench/side_by_side.py``: 7 queries, 14-20 ms). Here
        the library's resources are read once (a materialized ``WITH``, each with its topics' slugs as
        an array), and each filter's options are counted by one ``GROUP BY`` over it with the other
        active filters as plain SQL, joined by ``UNION ALL``. Zero counts are left out, as there.
        """
        table = ResourcePageTag._meta.db_table
        tag_table = ResourcePageTag.tag.field.related_model._meta.db_table
        base = self.resources.order_by().values("page_ptr_id", "kind", "languages", "publication_year")
        base_sql, base_params = base.query.sql_with_params()

        def where(skipped):
            parts, params = [], []
            for name, value in self.active.items():
                if name != skipped:
                    parts.append(self.SQL_CONDITIONS[name])
                    params.append(value)
            return " AND ".join(parts) or "TRUE", params

        grouped = (
            ("kind", "b.kind", "b"),
            ("topic", "o", "b, unnest(b.topics) AS o"),
            ("language", "o", "b, unnest(b.languages) AS o"),
            ("year", "b.publication_year::text", "b"),
        )
        selects, params = grouped_counts(grouped, where)
        condition, values = where(None)
        selects.append(f"SELECT 'total', NULL, COUNT(*) FROM b WHERE {condition}")
        params += values
        query = (  # noqa: S608 - the conditions are ours; every value is a parameter
            f"WITH b AS MATERIALIZED (SELECT r.page_ptr_id AS id, r.kind, r.languages, r.publication_year, "
            f"ARRAY(SELECT t.slug FROM {table} rt JOIN {tag_table} t ON t.id = rt.tag_id "
            f"WHERE rt.content_object_id = r.page_ptr_id)::varchar[] AS topics "
            f"FROM ({base_sql}) AS r) " + " UNION ALL ".join(selects)
        )
        with connection.cursor() as cursor:
            cursor.execute(query, [*base_params, *params])
            rows = cursor.fetchall()
        counts = {name: {} for name in (*self.FIELDS, "total")}
        for name, option, count in rows:
            if name == "total":
                counts[name][True] = count
            elif count and option is not None:
                counts[name][int(option) if name == "year" else option] = count
        return counts

    def _add_counts(self):
        self.option_counts = {}
        every = self.all_counts()
        self.result_count = every["total"][True]
        for name in self.FIELDS:
            counts = every[name]
            field = self.form.fields[name]
            empty, *choices = field.choices
            labelled = [(value, f"{label} ({counts.get(value, 0)})") for value, label in choices]
            field.choices = [empty, *labelled]
            self.option_counts[name] = counts

    @property
    def is_active(self):
        return bool(self.active)

    def active_filters(self):
        """What is filtered on, each with the query string that removes just that filter."""
        labels = {name: dict((str(value), label) for value, label in self.options[name]) for name in self.FIELDS}
        items = []
        for name, value in self.active.items():
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            items.append(
                {
                    "name": self.form.fields[name].label,
                    "value": labels[name].get(str(value), value),
                    "remove_query": params.urlencode(),
                }
            )
        return items
