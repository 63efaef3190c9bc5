"""The list's public forms: sign-up (on the core's ``SupporterForm``), preferences, and the short embedded form.

The embedded form (footer, Contact page, block, thank-you pages) sits in pages shared from the
page cache, so it carries no CSRF token and no form stamp: it posts to the "join" view, which
changes nothing and answers with the full sign-up form, filled in, with its own token and stamp
(``views.join``). Only that form's POST stores anything.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from email_list.models import MailingList
from supporter_actions.fields import NAME_VALIDATORS, SupporterEmailField
from supporter_actions.forms import SupporterForm

LANGUAGES = [("en", "English"), ("es", "Español")]


class ListChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of lists, labelled in the visitor's language."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.localized_name


def public_lists():
    return MailingList.objects.filter(public=True)


class SignupFields(forms.Form):
    """The fields every sign-up form shows, in this order."""

    email = SupporterEmailField(label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    first_name = forms.CharField(
        label=_("First name"), required=False, max_length=100, validators=NAME_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    lists = ListChoiceField(
        label=_("Lists"), queryset=MailingList.objects.none(),
        error_messages={"required": _("Please choose at least one list.")},
    )
    language = forms.ChoiceField(label=_("Emails in"), choices=LANGUAGES)
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    source_form = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = public_lists()
        if language:
            self.fields["language"].initial = language

    def clean_source(self):
        """Only a path on this site (where the visitor came from), never an outside address."""
        value = self.cleaned_data.get("source", "").strip()
        return value if value.startswith("/") and not value.startswith("//") else ""

    def clean_source_form(self):
        value = self.cleaned_data.get("source_form", "").strip()
        return value if value in SOURCE_FORMS else "sign-up page"


# Where a sign-up may come from; stored in the consent history.
SOURCE_FORMS = {"footer", "contact page", "block", "petition thank-you", "sign-on thank-you", "sign-up page"}


class SignupForm(SupporterForm, SignupFields):
    """The full sign-up form (the only one that stores): the fields plus the core's honeypot and form stamp."""

    field_order = ["email", "first_name", "lists", "language"]
    id_prefix = "signup"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()


class EmbeddedSignupForm(SignupFields):
    """The short form in shared pages; posts to the join view, which shows ``SignupForm`` filled in."""

    def __init__(self, *args, source_form="footer", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_form"].initial = source_form
        self.fields["lists"].required = False  # the join view asks for a list if none is ticked


class PreferencesForm(forms.Form):
    """The signed preferences page: lists, language."""

    lists = ListChoiceField(label=_("My lists"), queryset=MailingList.objects.none(), required=False)
    language = forms.ChoiceField(label=_("Emails in"), choices=LANGUAGES)

    def __init__(self, *args, offered=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = MailingList.objects.filter(pk__in=[item.pk for item in offered])


def default_language(language_code):
    return language_code if language_code in dict(LANGUAGES) else settings.LANGUAGE_CODE[:2]
