"""The signing form: a plain Django form whose optional fields follow the petition's settings.

The honeypot, the form stamp, the name checks, the strict consent box and the canonical email
address come from the supporter-actions core (``supporter_actions.forms`` and ``.fields``), as
for every public form; what is here is what only a petition asks.
"""

from functools import lru_cache

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Page

from campaigns.petitions.signing import SignatureData
from nnirr_site.core import layout_cache
from supporter_actions.fields import NAME_VALIDATORS, CountryChoiceField, ExactCheckbox, SupporterEmailField
from supporter_actions.forms import SupporterForm


class CountrySelect(forms.Select):
    """The country list, rendered in Python: ~250 options through widget templates cost most of a page view."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = "" if value in (None, "") else str(value)
        if selected:
            options = _options_html(self.choices, selected)
        else:
            options = _unselected_options_html(translation.get_language() or "")
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


def _options_html(choices, selected):
    return format_html_join(
        "",
        "<option value=\"{}\"{}>{}</option>",
        ((code, mark_safe(" selected") if str(code) == selected else "", label) for code, label in choices),
    )


@lru_cache(maxsize=16)
def _unselected_options_html(language):
    """The options with none selected, once per language (the names and their order depend on it)."""
    return _options_html(country_choices(), None)


def country_choices():
    return [("", _("Choose a country (optional)"))] + list(countries)



class SignatureForm(SupporterForm):
    """Name, email, the optional details the petition asks for, consent and two unticked choices."""

    id_prefix = "petition"

    first_name = forms.CharField(
        label=_("First name"), max_length=100, validators=NAME_VALIDATORS, widget=forms.TextInput(
            attrs={"autocomplete": "given-name"}
        )
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=100, validators=NAME_VALIDATORS, widget=forms.TextInput(
            attrs={"autocomplete": "family-name"}
        )
    )
    email = SupporterEmailField(
        label=_("Email"),
        help_text=_("We send you a link to confirm your signature."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    postal_code = forms.CharField(
        label=_("ZIP or postal code"),
        max_length=20,
        required=False,
        validators=[
            RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9 -]*$", _("Use only letters, numbers, spaces and hyphens."))
        ],
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    country = CountryChoiceField(label=_("Country"), required=False, widget=CountrySelect)
    comment = forms.CharField(
        label=_("Comment"),
        max_length=500,
        required=False,
        help_text=_("Optional, at most 500 characters. Only our staff read it; it is never published."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the network stores my signature as it describes."),
        error_messages={"required": _("Please agree to the privacy notice so we can count your signature.")},
        widget=ExactCheckbox,
    )
    opt_in_news = forms.BooleanField(
        label=_("Send me news from the network by email."), required=False, widget=ExactCheckbox
    )
    show_name = forms.BooleanField(
        label=_("Show my first name, last initial and country in the list of signers."),
        required=False,
        widget=ExactCheckbox,
    )

    def __init__(self, *args, petition, **kwargs):
        kwargs.setdefault("auto_id", "petition-%s")
        super().__init__(*args, **kwargs)
        self.petition = petition
        if not petition.ask_postal_code:
            del self.fields["postal_code"]
        if petition.ask_country:
            self.fields["country"].choices = country_choices  # a callable: listed only when rendered
            self.fields["country"].widget.attrs["autocomplete"] = "country"
        else:
            del self.fields["country"]
        if not petition.ask_comment:
            del self.fields["comment"]
        if not petition.show_signers:
            del self.fields["show_name"]
        elif not petition.ask_country:
            self.fields["show_name"].label = _("Show my first name and last initial in the list of signers.")
        self.describe_fields()

    privacy_version = settings.PRIVACY_NOTICE_VERSION

    @cached_property
    def privacy_url(self):
        """The privacy notice in the active language (the page with slug ``privacy`` under home)."""
        def find():
            notice = Page.objects.live().filter(depth=3, slug=settings.PETITION_PRIVACY_PAGE_SLUG).first()
            return notice.localized.url if notice else ""

        return layout_cache.cached("privacy-url", find, translation.get_language())

    def signature_data(self):
        data = self.cleaned_data
        return SignatureData(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
            postal_code=data.get("postal_code", "").strip().upper(),
            country=data.get("country", ""),
            comment=data.get("comment", "").strip(),
            opt_in_news=data.get("opt_in_news", False),
            show_name=data.get("show_name", False),
        )
