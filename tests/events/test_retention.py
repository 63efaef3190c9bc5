"""Organizers' details are kept only as long as the core's periods allow (``purge_supporter_data``)."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventSubmission, SubmissionStatus
from supporter_actions import retention
from tests.events.helpers import demo_index

pytestmark = pytest.mark.django_db


def submission(**fields):
    defaults = dict(
        title="Old event", summary="s", start_date=datetime.date(2026, 12, 18), time_zone="America/Chicago",
        attendance="in_person", city="Chicago", state="IL", organizer_name="Demo group", contact_name="Pat Doe",
        contact_email="pat@example.org", contact_phone="555-0100", consent_text="I agree.", language="en",
        index_page=demo_index(), ip_hash="ab" * 32,
    )
    defaults.update(fields)
    return EventSubmission.objects.create(**defaults)


def test_purge_applies_the_core_periods_to_event_submissions():
    now = timezone.now()
    long_ago = now - datetime.timedelta(days=40)
    stale = submission(created_at=long_ago)
    fresh = submission(created_at=now, contact_email="fresh@example.org")
    declined = submission(created_at=long_ago, confirmed_at=long_ago, status=SubmissionStatus.DECLINED,
                          decided_at=long_ago, contact_email="declined@example.org")
    past_event = submission(created_at=long_ago, confirmed_at=long_ago, status=SubmissionStatus.PUBLISHED,
                            start_date=(now - datetime.timedelta(days=400)).date(), contact_email="past@example.org")
    upcoming = submission(created_at=long_ago, confirmed_at=long_ago, status=SubmissionStatus.PUBLISHED,
                          contact_email="upcoming@example.org")
    dry = retention.purge(dry_run=True, now=now, actions=["event submissions"])["event submissions"]
    assert [count for _text, count in dry] == [1, 3, 2]
    retention.purge(now=now, actions=["event submissions"])
    assert not EventSubmission.objects.filter(pk=stale.pk).exists()
    assert EventSubmission.objects.get(pk=fresh.pk).ip_hash  # too recent
    for row in (declined, past_event):
        row.refresh_from_db()
        assert row.contact_name == "" and row.contact_phone == "" and row.contact_email.endswith("@invalid")
        assert row.title == "Old event"
    upcoming.refresh_from_db()
    assert upcoming.contact_email == "upcoming@example.org" and upcoming.ip_hash == ""
    again = retention.purge(dry_run=True, now=now, actions=["event submissions"])["event submissions"]
    assert [count for _text, count in again] == [0, 0, 0]
