"""The public "Add your event" form, on the supporter-actions core (honeypot, single-use form stamp,
name checks, strict consent box, canonical email field).

What only an event asks is checked here: text fields take plain text only (no HTML, no web
addresses: links go in the link fields, which take only http and https addresses), the dates must
be a real future within two years, the end must come after the start, the time must exist in the
chosen zone (not the hour skipped when daylight saving time starts), and an in-person event needs
a city and state while an online one needs its link.
"""

import datetime
import re

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _

from events.models import Attendance, EventLanguage
from events.places import DEFAULT_TIME_ZONE, STATES, TIME_ZONES, NonexistentLocalTime, aware
from supporter_actions.fields import (
    NAME_VALIDATORS,
    URL_IN_TEXT,
    BARE_DOMAIN,
    ExactCheckbox,
    SupporterEmailField,
    refuse_invisible_and_control_characters,
)
from supporter_actions.forms import SupporterForm

MAX_DAYS_AHEAD = 2 * 366
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?\w+;|\{\{|\{%")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refuse_markup(value):
    if MARKUP.search(value):
        raise forms.ValidationError(_("Please write plain text, without HTML or code."), code="markup")


def refuse_links(value):
    import unicodedata

    if URL_IN_TEXT.search(value) or BARE_DOMAIN.search(unicodedata.normalize("NFKC", value)):
        raise forms.ValidationError(
            _("Please put web addresses only in the link fields (registration, online link, website)."), code="url"
        )


def refuse_control_characters(value):
    if CONTROL.search(value):
        raise forms.ValidationError(_("Please remove the invisible control characters."), code="control")


LINE = [refuse_markup, refuse_links, refuse_invisible_and_control_characters]
TEXT = [refuse_markup, refuse_links, refuse_control_characters]
ZIP = RegexValidator(r"^[0-9]{5}(-[0-9]{4})?$", _("Use a five-digit ZIP code, for example 85701."))
PHONE = RegexValidator(r"^\+?[0-9 ()./-]{5,30}$", _("Use only digits, spaces and the signs + ( ) - . /"))


class HttpUrlField(forms.URLField):
    """A web address (http or https only, checked by Django's URL validator); ``javascript:`` and ``data:`` are refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("required", False)
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and not re.match(r"^https?://", value, re.IGNORECASE):
            raise forms.ValidationError(_("Enter a web address starting with https:// or http://."), code="invalid")
        return value


def textarea(rows=4):
    return forms.Textarea(attrs={"rows": rows})


class EventSubmissionForm(SupporterForm):
    """An organizer proposes an event; staff review it before anything is published."""

    id_prefix = "event"

    title = forms.CharField(label=_("Name of the event"), max_length=200, validators=LINE)
    summary = forms.CharField(
        label=_("Short description"), max_length=400, validators=TEXT, widget=textarea(3),
        help_text=_("One or two sentences: what happens and who it is for."),
    )
    description = forms.CharField(
        label=_("More details"), max_length=4000, required=False, validators=TEXT, widget=textarea(6),
        help_text=_("Optional. The program, speakers, what to bring."),
    )
    start_date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}),
                                 help_text=_("For example 2026-12-18."))
    start_time = forms.TimeField(
        label=_("Start time"), required=False, widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Leave empty for an all-day event. For example 18:00."),
    )
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only if it ends on another day."),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONES, initial=DEFAULT_TIME_ZONE,
                                  help_text=_("Where the event happens."))
    attendance = forms.ChoiceField(label=_("How people take part"), choices=Attendance.choices,
                                   widget=forms.RadioSelect, initial=Attendance.IN_PERSON)
    venue_name = forms.CharField(label=_("Venue"), max_length=200, required=False, validators=LINE,
                                 help_text=_("For example “Community Center Hall”."))
    street_address = forms.CharField(label=_("Street address"), max_length=200, required=False, validators=LINE,
                                     widget=forms.TextInput(attrs={"autocomplete": "off"}))
    city = forms.CharField(label=_("City"), max_length=100, required=False, validators=LINE)
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", _("Choose a state"))] + STATES)
    postal_code = forms.CharField(label=_("ZIP code"), max_length=10, required=False, validators=[ZIP])
    venue_private = forms.BooleanField(
        label=_("Share the venue only with people who register (only the city is published)"),
        required=False, widget=ExactCheckbox,
    )
    online_url = HttpUrlField(label=_("Online link"), help_text=_("Where people join, for an online event."))
    online_url_private = forms.BooleanField(
        label=_("Send the online link only to people who register"), required=False, widget=ExactCheckbox,
    )
    organizer_name = forms.CharField(label=_("Organizing group"), max_length=200, validators=LINE,
                                     widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    organizer_url = HttpUrlField(label=_("Group's website"), help_text=_("Optional."))
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=EventLanguage.choices, widget=forms.CheckboxSelectMultiple,
        initial=[EventLanguage.ENGLISH.value],
    )
    interpretation = forms.CharField(label=_("Interpretation"), max_length=200, required=False, validators=LINE,
                                     help_text=_("Optional. For example “Spanish–English” or “ASL”."))
    accessibility_notes = forms.CharField(
        label=_("Accessibility"), max_length=1000, required=False, validators=TEXT, widget=textarea(3),
        help_text=_("Optional. Step-free access, seating, childcare, quiet room…"),
    )
    cost = forms.CharField(label=_("Cost"), max_length=100, required=False, validators=LINE,
                           help_text=_("Leave empty if it is free."))
    registration_url = HttpUrlField(label=_("Registration link"),
                                    help_text=_("Leave empty if people can just come."))
    contact_name = forms.CharField(
        label=_("Your name"), max_length=200, validators=NAME_VALIDATORS,
        help_text=_("Only our staff see it."), widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = SupporterEmailField(
        label=_("Your email"), help_text=_("We send a link to confirm. Never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Your phone"), max_length=30, required=False, validators=[PHONE],
        help_text=_("Optional. Only our staff see it, if they have a question."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the network stores these details to review the event. The event is published "
                "once staff approve it; my name, email and phone are never published."),
        error_messages={"required": _("Please agree so we can review your event.")},
        widget=ExactCheckbox,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "event-%s")
        super().__init__(*args, **kwargs)
        for name in ("time_zone", "attendance"):
            self.fields[name].choices = [(v, capfirst(label)) for v, label in self.fields[name].choices]
        self.describe_fields()

    def clean_start_date(self):
        day = self.cleaned_data["start_date"]
        today = timezone.localdate()
        if day < today - datetime.timedelta(days=1):
            raise forms.ValidationError(_("The date has passed. Please give a date to come."), code="past")
        if day > today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Please give a date within the next two years."), code="far")
        return day

    def clean(self):
        data = super().clean()
        start_date, start_time = data.get("start_date"), data.get("start_time")
        end_date, end_time = data.get("end_date"), data.get("end_time")
        zone_name = data.get("time_zone") or DEFAULT_TIME_ZONE
        if end_time and not start_time:
            self.add_error("start_time", _("Give a start time too, or leave both empty for an all-day event."))
        if start_date and end_date:
            if end_date < start_date:
                self.add_error("end_date", _("The event cannot end before it starts."))
            elif (end_date - start_date).days > 31:
                self.add_error("end_date", _("An event here lasts at most a month."))
        if start_date and start_time:
            try:
                starts = aware(start_date, start_time, zone_name)
            except NonexistentLocalTime:
                self.add_error("start_time", _("This time does not exist on that day: the clocks skip it when "
                                               "daylight saving time starts."))
            else:
                if end_time and not self.has_error("end_date"):
                    try:
                        ends = aware(end_date or start_date, end_time, zone_name)
                    except NonexistentLocalTime:
                        self.add_error("end_time", _("This time does not exist on that day: the clocks skip it "
                                                     "when daylight saving time starts."))
                    else:
                        if ends <= starts:
                            self.add_error("end_time", _("The event cannot end before it starts."))
        attendance = data.get("attendance")
        if attendance in (Attendance.IN_PERSON, Attendance.BOTH):
            if not data.get("city") and not self.has_error("city"):
                self.add_error("city", _("Please give the city of an in-person event."))
            if not data.get("state") and not self.has_error("state"):
                self.add_error("state", _("Please choose the state of an in-person event."))
        if attendance in (Attendance.ONLINE, Attendance.BOTH) and not data.get("online_url") \
                and not self.has_error("online_url"):
            self.add_error("online_url", _("Please give the link where people join online."))
        return data

    def consent_text(self):
        return gettext(self.fields["consent"].label)

    def submission_fields(self):
        """The cleaned values as ``EventSubmission`` fields."""
        data = self.cleaned_data
        tidy = lambda name: " ".join(data.get(name, "").split())  # noqa: E731
        in_person = data["attendance"] != Attendance.ONLINE
        online = data["attendance"] != Attendance.IN_PERSON
        return {
            "title": tidy("title"),
            "summary": data["summary"].strip(),
            "description": data.get("description", "").strip(),
            "start_date": data["start_date"],
            "start_time": data.get("start_time"),
            "end_date": data.get("end_date"),
            "end_time": data.get("end_time"),
            "time_zone": data["time_zone"],
            "attendance": data["attendance"],
            "venue_name": tidy("venue_name") if in_person else "",
            "street_address": tidy("street_address") if in_person else "",
            "city": tidy("city"),
            "state": data.get("state", ""),
            "postal_code": data.get("postal_code", "") if in_person else "",
            "venue_private": bool(data.get("venue_private")) and in_person,
            "online_url": data.get("online_url", "") if online else "",
            "online_url_private": bool(data.get("online_url_private")) and online,
            "organizer_name": tidy("organizer_name"),
            "organizer_url": data.get("organizer_url", ""),
            "languages": data.get("languages", []),
            "interpretation": tidy("interpretation"),
            "accessibility_notes": data.get("accessibility_notes", "").strip(),
            "cost": tidy("cost"),
            "registration_url": data.get("registration_url", ""),
            "contact_name": tidy("contact_name"),
            "contact_email": data["contact_email"],
            "contact_phone": data.get("contact_phone", "").strip(),
            "consent_text": self.consent_text(),
        }
