"""The public "suggest a correction" form, on the supporter-actions core's guards.

``SupporterForm`` gives it the honeypot and the single-use form stamp; the view applies the
core's minimum fill time, stamp reuse check and per-address rate limit. The contact field is
optional free text (an email or a phone): staff may write back once by hand, nothing is ever
sent to it automatically, so it needs no confirmation (no double opt-in), and it is erased when
the correction is closed.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from services.models import CorrectionTopic
from supporter_actions.fields import refuse_invisible_and_control_characters
from supporter_actions.forms import SupporterForm

MAX_DETAILS = 2000
MAX_CONTACT = 200


def refuse_nul(value):
    if "\x00" in value:
        raise forms.ValidationError(_("Please remove the invisible characters."), code="nul")


class CorrectionForm(SupporterForm):
    """What is wrong with a service's information, and how to reach the visitor if they wish."""

    topic = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=[("", _("Choose one")), *CorrectionTopic.choices],
        error_messages={"required": _("Please choose what is wrong."),
                        "invalid_choice": _("Please choose one of the options.")},
    )
    details = forms.CharField(
        label=_("Details"),
        max_length=MAX_DETAILS,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What should it say instead? Please do not write anyone's private information."),
        error_messages={
            "required": _("Please tell us what is wrong."),
            "max_length": _("Please keep it under %(limit_value)d characters (it has %(show_value)d)."),
        },
        validators=[refuse_nul],
    )
    contact = forms.CharField(
        label=_("Your email or phone (optional)"),
        required=False,
        max_length=MAX_CONTACT,
        help_text=_("Only if you are happy for us to ask you a question. We delete it once the correction is done."),
        error_messages={"max_length": _("Please keep it under %(limit_value)d characters.")},
        validators=[refuse_invisible_and_control_characters],
    )

    id_prefix = "correction"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def mark_errors(self):
        """Point each field with an error at its message (after validation)."""
        self.describe_fields()
