"""Form fields, validators and widgets every public supporter form uses the same way.

A supporter's name goes into emails we send and lists we publish, so it must be one line of
visible letters with no links (``NAME_VALIDATORS``); a consent box counts only when the
browser sent what a ticked box sends (``ExactCheckbox``); an email address is stored in the
one canonical form the one-action-per-person rules compare (``SupporterEmailField``). The
messages are in the visitor's language and name no action, so a petition, a sign-on letter,
the email list and an event submission refuse the same things with the same words.
"""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from supporter_actions.addresses import MAX_EMAIL_LENGTH, canonical_email

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


class SupporterEmailField(forms.EmailField):
    """An email field whose cleaned value is the address to store and send to (``canonical_email``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_EMAIL_LENGTH)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return canonical_email(value) if value else value


class HoneypotField(forms.CharField):
    """A field hidden from people (and skipped by the keyboard) that bots, which fill every field, fill."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
        super().__init__(**kwargs)


class CountryChoiceField(forms.ChoiceField):
    """The country list, given lazily and checked by code: normalising ~250 choices on every form cost milliseconds."""

    def valid_value(self, value):
        return value in countries
