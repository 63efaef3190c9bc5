"""Form widgets for the listings' filter forms, rendered in Python instead of through templates.

A filter form's select boxes carry an option per category, state, city, language, year or topic,
each with its count: 40 to 70 options on the filtered resource library and services directory.
Django renders each option through two included templates (``select_option.html`` and
``attrs.html``), about 0.1 ms an option — several milliseconds of pages that no page cache can
serve (every filter combination). ``ListingSelect`` writes the same HTML, character for character,
in Python (``tests/core/test_widgets.py`` compares it with Django's templates).
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs):
    """Django's ``attrs.html``: `` name="value"`` for each attribute, `` name`` for True, none for False."""
    html = []
    for name, value in attrs.items():
        if value is False:
            continue
        html.append(f" {conditional_escape(name)}")
        if value is not True:
            html.append(f'="{conditional_escape("%s" % (value,))}"')
    return "".join(html)


def _option(option):
    """Django's ``select_option.html`` (which ends with a newline)."""
    return (f'<option value="{conditional_escape("%s" % (option["value"],))}"{_attrs(option["attrs"])}>'
            f'{conditional_escape(option["label"])}</option>\n')


class ListingSelect(forms.Select):
    """``forms.Select`` with the HTML of Django's ``select.html`` built without the template engine."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                html.append("\n  " + _option(option))
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")  # the form renderer strips the final newline
        return mark_safe("".join(html))
