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
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

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
        self.options = {
            "kind": list(ResourceKind.choices),
            "topic": list(
                ResourcePageTag.objects.filter(content_object__in=resources)
                .values_list("tag__slug", "tag__name")
                .distinct()
                .order_by(Lower("tag__name"))
            ),
            "language": list(ResourceLanguage.choices),
            "year": [
                (year, str(year))
                for year in resources.exclude(publication_year=None)
                .order_by("-publication_year")
                .values_list("publication_year", flat=True)
                .distinct()
            ],
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

    def _add_counts(self):
        self.option_counts = {}
        for name in self.FIELDS:
            counts = self.counts(name)
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
