"""A PostgreSQL array of choices that editors tick as checkboxes (the resource's languages)."""

from django import forms
from django.contrib.postgres.fields import ArrayField


class ChoiceArrayField(ArrayField):
    """An ``ArrayField`` whose base field has choices, edited as a list of checkboxes.

    Django's own form field for arrays is a comma-separated text box, which is
    easy to mistype; the choices are known, so offer them as checkboxes.
    """

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.base_field.choices,
            "coerce": self.base_field.to_python,
            "widget": forms.CheckboxSelectMultiple,
            **kwargs,
        }
        # Skip ArrayField.formfield (it would force SimpleArrayField).
        return super(ArrayField, self).formfield(**defaults)
