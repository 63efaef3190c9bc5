"""What every public supporter form refuses in names, consent boxes and email addresses, tested on the core."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from supporter_actions.abuse import read_form_stamp
from supporter_actions.fields import NAME_VALIDATORS, ExactCheckbox, SupporterEmailField
from supporter_actions.forms import SupporterForm


class ExampleForm(SupporterForm):
    """A minimal action form, as a sign-on letter or list form would declare it."""

    name = forms.CharField(max_length=100, validators=NAME_VALIDATORS)
    email = SupporterEmailField()
    consent = forms.BooleanField(widget=ExactCheckbox)


def name_error_codes(value):
    """The codes of every name validator that refuses ``value`` (a form shows them all)."""
    codes = set()
    for validator in NAME_VALIDATORS:
        try:
            validator(value)
        except ValidationError as error:
            codes.add(error.code)
    return codes


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("\u200b\u200b", "invisible"),
        ("\u3164", "no_letters"),  # Hangul filler: a "letter" that shows nothing
        ("1234", "no_letters"),
        ("Ana\nBcc: x@example.org", "invisible"),
        ("Ana\u2028Bo", "invisible"),
        ("Pérez\u202eevil", "invisible"),
        ("Visit http://spam.example", "url"),
        ("www.spam", "url"),
        ("evil.tk", "domain"),
        ("ｅｖｉｌ．ｔｋ", "domain"),
        ("evil\u3002tk", "domain"),
        ("пример.рф", "domain"),
    ],
)
def test_name_validators_refuse(value, code):
    assert code in name_error_codes(value)


@pytest.mark.parametrize(
    "value",
    ["Anne-Marie", "O'Brien", "J. R. R.", "St. John", "\u0631\u0636\u0627\u06cc\u200c\u0632\u0627\u062f\u0647", "小龍", "Nguyễn"],
)
def test_name_validators_accept_real_names(value):
    assert name_error_codes(value) == set()


def test_name_errors_are_in_the_visitors_language():
    with translation.override("es"):
        form = ExampleForm({"name": "evil.tk", "email": "ana@example.org", "consent": "on"})
        assert not form.is_valid()
        assert "sin direcciones web" in form.errors["name"][0]


@pytest.mark.parametrize(("sent", "ticked"), [("on", True), ("0", False), ("false", False), ("yes", False), (None, False)])
def test_exact_checkbox_is_ticked_only_by_on(sent, ticked):
    data = {} if sent is None else {"consent": sent}
    assert ExactCheckbox().value_from_datadict(data, {}, "consent") is ticked


def test_the_email_field_cleans_to_the_canonical_address():
    form = ExampleForm({"name": "Ana", "email": " Ana@Exämple.ORG ", "consent": "on"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == "Ana@xn--exmple-cua.org"
    with translation.override("en"):
        lookalike = ExampleForm({"name": "Ana", "email": "\u017fue@example.org", "consent": "on"})
        assert not lookalike.is_valid()
        assert "cannot be used in an email address" in lookalike.errors["email"][0]


def test_an_optional_empty_email_is_left_empty():
    field = SupporterEmailField(required=False)
    assert field.clean("") == ""


def test_a_new_form_carries_a_fresh_stamp_and_an_empty_honeypot():
    first, second = ExampleForm(), ExampleForm()
    assert read_form_stamp(first.initial["started"]) is not None
    assert first.initial["started"] != second.initial["started"]
    assert [field.name for field in first.visible_fields_in_order] == ["name", "email", "consent"]
    rendered = str(first["website"])
    assert 'tabindex="-1"' in rendered and 'autocomplete="off"' in rendered


def test_a_filled_honeypot_is_a_bot():
    assert ExampleForm({"website": " http://spam "}).is_bot()
    assert not ExampleForm({"website": "  "}).is_bot()


def test_replace_stamp_puts_a_new_stamp_in_a_bound_form():
    from django.http import QueryDict

    form = ExampleForm(QueryDict("name=Ana&started=old"))
    form.replace_stamp("new")
    assert form.data["started"] == "new"
    assert 'value="new"' in str(form["started"])


def test_a_consent_box_is_drawn_inside_its_label_like_any_checkbox():
    """ExactCheckbox (widget_type "exactcheckbox") gets the tick-box layout: box and words in one label."""
    from django.template.loader import render_to_string

    form = ExampleForm()
    html = render_to_string("supporter_actions/field.html", {"field": form["consent"]})
    assert 'class="field field--check"' in html
    label = html[html.index("<label"):html.index("</label>")]
    assert 'type="checkbox"' in label and "Consent" in label
