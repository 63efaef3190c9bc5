"""The listings' select boxes write exactly the HTML of Django's own templates (nnirr_site/core/widgets.py)."""

import pytest
from django import forms
from django.utils.translation import gettext_lazy as _

from nnirr_site.core.widgets import ListingSelect

CHOICES = [
    ("", _("All states")),
    ("US-TX", "Texas (4)"),
    ("a&b", 'Quotes " and <tags> & ampersands'),
    (2024, "2024"),
    ("Group <1>", [("x", "X"), ("y", "Y (2)")]),
]


@pytest.mark.parametrize("value", [None, "", "US-TX", "a&b", 2024, "y", "not-a-choice"])
@pytest.mark.parametrize("attrs", [None, {"id": "id_state", "class": 'a"b', "required": True, "disabled": False}])
def test_listing_select_matches_djangos_template(value, attrs):
    plain = forms.Select(choices=CHOICES)
    fast = ListingSelect(choices=CHOICES)
    assert fast.render("state", value, attrs) == plain.render("state", value, attrs)


def test_a_bound_filter_form_renders_the_same():
    class Plain(forms.Form):
        year = forms.TypedChoiceField(choices=CHOICES, required=False, coerce=str)

    class Fast(forms.Form):
        year = forms.TypedChoiceField(choices=CHOICES, required=False, coerce=str, widget=ListingSelect)

    for data in ({}, {"year": "US-TX"}, {"year": "<script>"}):
        assert str(Fast(data)["year"]) == str(Plain(data)["year"])
