"""The base of every public supporter form: the honeypot and the single-use form stamp.

An action's form (the petition's ``SignatureForm``, a sign-on letter's endorsement form …)
subclasses ``SupporterForm`` and declares only its own fields. Its view reads the stamp with
``supporter_actions.abuse.read_form_stamp`` and asks ``is_bot()`` before looking at the fields,
and shows a form with errors again with ``replace_stamp`` (the stamp it was sent with is used up).
CSRF is the view's and Django's business, not the form's.
"""

from django import forms

from supporter_actions.abuse import form_stamp
from supporter_actions.fields import HoneypotField


class SupporterForm(forms.Form):
    """A plain Django form with a honeypot (``website``) and a form stamp (``started``) people never see."""

    website = HoneypotField()
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    honeypot_fields = ("website",)
    guard_fields = ("website", "started")  # rendered apart from the fields people fill in (form_top.html)
    id_prefix = "form"  # the ids of help texts and errors: <id_prefix>-<field>-help, <id_prefix>-<field>-error

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", form_stamp())

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.fields if name not in self.guard_fields]

    def describe_fields(self):
        """Tie each field to its help text and its error for screen readers (``aria-describedby``, ``aria-invalid``).

        A subclass calls it at the end of ``__init__``, once it has its final fields; the field
        template gives the help text and the error the ids named here.
        """
        for name, field in self.fields.items():
            if name in self.guard_fields:
                continue
            describedby = []
            if field.help_text:
                describedby.append(f"{self.id_prefix}-{name}-help")
            if self.is_bound and name in self.errors:
                describedby.append(f"{self.id_prefix}-{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if describedby:
                field.widget.attrs["aria-describedby"] = " ".join(describedby)

    def is_bot(self):
        """Filled the honeypot: treated as a bot whatever else it sent."""
        return any(str(self.data.get(name, "")).strip() for name in self.honeypot_fields)

    def replace_stamp(self, stamp):
        """Put a new form stamp in a bound form that is shown again (the one it was sent with is used up)."""
        self.data = self.data.copy()
        self.data["started"] = stamp
