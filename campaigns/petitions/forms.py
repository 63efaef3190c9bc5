"""The signing form: a plain Django form whose optional fields follow the petition's settings."""

import re
import unicodedata
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
from supporter_actions.abuse import form_stamp
from supporter_actions.addresses import canonical_email

# Links in a name field are spam, never a name: our emails to the address carry the name.
URL_IN_TEXT = re.compile(r"(?i)(://|www\.|https?:|\[url|<a\s)")
# A bare domain ("evil.tk", in any script): mail programs make it a link. Matched after NFKC, so
# full-width letters and dots count, and with the ideographic full stop, which IDNA reads as a dot.
BARE_DOMAIN = re.compile(r"[\w-]+[.\u3002][^\W\d_]{2,}(?!\w)")

# Invisible characters a name may need: the zero-width non-joiner and joiner shape Persian, Indic
# and emoji names. Every other format character (bidirectional overrides, zero-width spaces, soft
# hyphens), control character and line or paragraph separator is refused.
NAME_JOINERS = {"\u200c", "\u200d"}
REFUSED_IN_NAMES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
# Letters by Unicode category that show nothing: fillers used to make a name look empty.
BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0"}


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


class CountryChoiceField(forms.ChoiceField):
    """The country list, given lazily and checked by code: normalising ~250 choices on every form cost milliseconds."""

    def valid_value(self, value):
        return value in countries


def refuse_urls(value):
    if URL_IN_TEXT.search(value):
        raise forms.ValidationError(_("Please write only your name here, without web addresses."), code="url")
    if BARE_DOMAIN.search(unicodedata.normalize("NFKC", value)):
        raise forms.ValidationError(
            _(
                "Please write only your name here, without web addresses. "
                "If your name has a period in it, put a space after the period."
            ),
            code="domain",
        )


def refuse_invisible_and_control_characters(value):
    """One line of visible text; NUL is left to Django's own validator, which says so."""
    for character in value:
        if character == "\x00" or character in NAME_JOINERS:
            continue
        if unicodedata.category(character) in REFUSED_IN_NAMES or character in BLANK_LETTERS:
            raise forms.ValidationError(
                _("Please write your name on one line, without invisible or control characters."), code="invisible"
            )


def require_letters(value):
    if not any(unicodedata.category(c).startswith("L") and c not in BLANK_LETTERS for c in value):
        raise forms.ValidationError(_("Please write your name with letters."), code="no_letters")


NAME_VALIDATORS = [refuse_urls, refuse_invisible_and_control_characters, require_letters]


class ExactCheckbox(forms.CheckboxInput):
    """A checkbox that is ticked only when the browser sent what a ticked box sends ("on").

    Django's own turns any other value but "false" into a tick, so a forged ``consent=0``
    counted as consent.
    """

    def value_from_datadict(self, data, files, name):
        return data.get(name) == "on"


class SignatureForm(forms.Form):
    """Name, email, the optional details the petition asks for, consent and two unticked choices."""

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
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
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
    # Honeypot: hidden from people (and skipped by the keyboard); bots fill every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    honeypot_fields = ("website",)

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
        if not self.is_bound:
            self.initial.setdefault("started", form_stamp())
        for name, field in self.fields.items():
            if name in ("started", "website"):
                continue
            describedby = []
            if field.help_text:
                describedby.append(f"petition-{name}-help")
            if self.is_bound and name in self.errors:
                describedby.append(f"petition-{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if describedby:
                field.widget.attrs["aria-describedby"] = " ".join(describedby)

    privacy_version = settings.PRIVACY_NOTICE_VERSION

    @cached_property
    def privacy_url(self):
        """The privacy notice in the active language (the page with slug ``privacy`` under home)."""
        def find():
            notice = Page.objects.live().filter(depth=3, slug=settings.PETITION_PRIVACY_PAGE_SLUG).first()
            return notice.localized.url if notice else ""

        return layout_cache.cached("privacy-url", find, translation.get_language())

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.fields if name not in ("website", "started")]

    def is_bot(self):
        """Filled the honeypot: treated as a bot whatever else it sent."""
        return bool(self.data.get("website", "").strip())

    def clean_email(self):
        """The address to store and send to (see ``supporter_actions.addresses``)."""
        return canonical_email(self.cleaned_data["email"])

    def replace_stamp(self, stamp):
        """Put a new form stamp in a bound form that is shown again (the one it was sent with is used up)."""
        self.data = self.data.copy()
        self.data["started"] = stamp

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
