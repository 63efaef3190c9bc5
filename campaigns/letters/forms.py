"""The two public sign-on forms: an organization's (with an optional logo) and, where allowed, a person's.

Both subclass the core's ``SupporterForm`` (honeypot and single-use form stamp) and use its name
checks, strict consent box and canonical email field; what is here is what only a sign-on letter
asks. The logo is checked by its content, never its name: Pillow must read it as PNG or JPEG,
within ``LETTER_LOGO_MAX_BYTES`` and ``LETTER_LOGO_MAX_PIXELS`` (a small file that unpacks to a
huge bitmap, a "decompression bomb", is refused before it is decoded).
"""

import warnings

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _
from django_countries import countries
from PIL import Image, UnidentifiedImageError

from campaigns.letters.models import OrganizationKind
from campaigns.letters.signing import EndorsementData, IndividualData
from supporter_actions.fields import (
    CountryChoiceField,
    NAME_VALIDATORS,
    URL_IN_TEXT,
    ExactCheckbox,
    SupporterEmailField,
    refuse_invisible_and_control_characters,
    require_letters,
)
from supporter_actions.forms import SupporterForm

LOGO_FORMATS = {"PNG", "JPEG"}


def logo_max_bytes():
    return settings.LETTER_LOGO_MAX_BYTES


def logo_max_pixels():
    return settings.LETTER_LOGO_MAX_PIXELS


def refuse_links_in_organization_name(value):
    """A name may contain a dot ("Example.org Coalition") but no link, which our emails and list would carry."""
    if URL_IN_TEXT.search(value):
        raise forms.ValidationError(_("Please write the organization's name without web addresses."), code="url")


ORGANIZATION_NAME_VALIDATORS = [
    refuse_links_in_organization_name,
    refuse_invisible_and_control_characters,
    require_letters,
]
PLACE_VALIDATORS = [refuse_invisible_and_control_characters]
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()./-]{5,30}$", _("Use only digits, spaces and the signs + ( ) - . /")
)


def country_choices():
    return [("", _("Choose a country"))] + list(countries)



def check_logo(upload):
    """Refuse an upload that is not a PNG or JPEG within the size and pixel limits; return its format."""
    if upload.size > logo_max_bytes():
        raise forms.ValidationError(
            _("The logo is too large: at most %(megabytes)s MB, please."),
            code="too_large",
            params={"megabytes": logo_max_bytes() // (1024 * 1024)},
        )
    too_many_pixels = forms.ValidationError(
        _("The logo has too many pixels. Please send a smaller version (at most 4000 × 4000)."), code="pixels"
    )
    not_an_image = forms.ValidationError(_("The logo must be a PNG or JPEG image."), code="format")
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > logo_max_pixels():
                    raise too_many_pixels
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except forms.ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise not_an_image from None
    finally:
        upload.seek(0)
    if image_format not in LOGO_FORMATS:
        raise not_an_image
    return image_format


class EndorsementForm(SupporterForm):
    """An organization's sign-on: who it is, where, and a contact person who is never shown publicly."""

    id_prefix = "org"

    organization_name = forms.CharField(
        label=_("Organization name"),
        max_length=200,
        validators=ORGANIZATION_NAME_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of organization"),
        choices=[("", _("Choose one"))] + [(value, capfirst(label)) for value, label in OrganizationKind.choices],
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False, validators=PLACE_VALIDATORS)
    state = forms.CharField(
        label=_("State or region"),
        max_length=100,
        required=False,
        validators=PLACE_VALIDATORS,
        help_text=_("For example “California” or “Texas”; outside the United States, a region or province."),
    )
    country = CountryChoiceField(label=_("Country"), initial="US")
    # Not "website": that is the core's honeypot field, which people never fill in.
    organization_website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https",
        help_text=_("Optional. Shown on the public list as a link."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("Optional. A PNG or JPEG image of at most 2 MB."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        validators=NAME_VALIDATORS,
        help_text=_("The contact person. Never published."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_title = forms.CharField(
        label=_("Your title or role"), max_length=200, required=False, validators=PLACE_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    contact_email = SupporterEmailField(
        label=_("Your email"),
        help_text=_("We send a link to confirm the sign-on. Never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Your phone"), max_length=30, required=False, validators=[PHONE_VALIDATOR],
        help_text=_("Optional. Only our staff see it, to check the sign-on."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    authorized = forms.BooleanField(
        label=_("I am authorized to sign on behalf of this organization."),
        error_messages={"required": _("Only someone authorized by the organization can sign on for it.")},
        widget=ExactCheckbox,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the network stores these details to check and publish the sign-on: the organization's "
            "name, kind, place, website and logo are published; my name, email and phone are not."
        ),
        error_messages={"required": _("Please agree so we can record the sign-on.")},
        widget=ExactCheckbox,
    )

    opt_in_news = forms.BooleanField(
        label=_("Send me news from the network by email."),
        help_text=_("Optional. We ask you to confirm by email before adding you to the list."),
        required=False,
        widget=ExactCheckbox,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "org-%s")
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices
        self.describe_fields()

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        check_logo(upload)
        return upload

    def consent_text(self):
        """The consent wording exactly as the visitor was shown it (in their language)."""
        return f"{gettext(self.fields['authorized'].label)} {gettext(self.fields['consent'].label)}"

    def endorsement_data(self):
        data = self.cleaned_data
        return EndorsementData(
            organization_name=" ".join(data["organization_name"].split()),
            kind=data["kind"],
            city=data.get("city", "").strip(),
            state=data.get("state", "").strip(),
            country=data["country"],
            website=data.get("organization_website", ""),
            contact_name=data["contact_name"].strip(),
            contact_title=data.get("contact_title", "").strip(),
            contact_email=data["contact_email"],
            contact_phone=data.get("contact_phone", "").strip(),
            consent_text=self.consent_text(),
            opt_in_news=data.get("opt_in_news", False),
        )


class IndividualForm(SupporterForm):
    """A person adding their own name: counted once confirmed, never listed."""

    id_prefix = "person"

    first_name = forms.CharField(
        label=_("First name"), max_length=100, validators=NAME_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=100, validators=NAME_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False, validators=PLACE_VALIDATORS)
    state = forms.CharField(label=_("State or region"), max_length=100, required=False, validators=PLACE_VALIDATORS)
    email = SupporterEmailField(
        label=_("Email"),
        help_text=_("We send you a link to confirm your signature."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the network stores my signature to count it. My name is not published."),
        error_messages={"required": _("Please agree so we can count your signature.")},
        widget=ExactCheckbox,
    )

    opt_in_news = forms.BooleanField(
        label=_("Send me news from the network by email."),
        help_text=_("Optional. We ask you to confirm by email before adding you to the list."),
        required=False,
        widget=ExactCheckbox,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "person-%s")
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def individual_data(self):
        data = self.cleaned_data
        return IndividualData(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
            city=data.get("city", "").strip(),
            state=data.get("state", "").strip(),
            opt_in_news=data.get("opt_in_news", False),
        )
