"""The one field of the enrolment and verification pages: a code from the app or a recovery code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class VerifyForm(CodeForm):
    code = forms.CharField(
        label=_("Code"),
        help_text=_("The six-digit code from your authenticator app, or one of your recovery codes."),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
