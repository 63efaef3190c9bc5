"""Editors create and change events in the Wagtail admin: the form takes local times in the event's zone."""

import datetime

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.models import EventPage
from tests.events.helpers import demo_index

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    data = {
        "title": "Admin-made vigil",
        "slug": "admin-made-vigil",
        "summary": "A vigil.",
        "start_date": "2027-12-18",
        "start_time": "18:00",
        "end_date": "",
        "end_time": "19:00",
        "time_zone": "America/Phoenix",
        "attendance": "in_person",
        "venue_name": "Plaza",
        "street_address": "1 Plaza St",
        "city": "Tucson",
        "state": "AZ",
        "postal_code": "",
        "latitude": "",
        "longitude": "",
        "online_url": "",
        "organizer_name": "",
        "organizer_url": "",
        "languages": ["en", "es"],
        "interpretation": "",
        "accessibility_notes": "",
        "cost": "",
        "registration_url": "",
        "status": "scheduled",
        "postponed_to": "",
        "status_note": "",
        "campaign": "",
        "listing_image": "",
        "body": streamfield([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    languages = data.pop("languages")
    form = nested_form_data(data)
    form["languages"] = languages  # several values of one field (nested_form_data would number them)
    return form


def test_the_add_and_edit_forms_open(admin_client):
    index = demo_index()
    assert admin_client.get(f"/admin/pages/add/events/eventpage/{index.pk}/").status_code == 200
    event = EventPage.objects.live().first()
    assert admin_client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200


def test_an_editor_publishes_an_event_in_its_own_time_zone(admin_client):
    index = demo_index()
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="admin-made-vigil")
    assert event.live and event.sequence == 1
    assert event.starts_at == datetime.datetime(2027, 12, 19, 1, 0, tzinfo=datetime.timezone.utc)
    assert event.languages == ["en", "es"]


def test_the_admin_form_refuses_an_end_before_the_start(admin_client):
    index = demo_index()
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/",
                                 event_form(slug="bad-vigil", end_time="17:00"))
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="bad-vigil").exists()
    assert "cannot end before it starts" in response.content.decode()


def test_the_demo_moderators_group_may_review_submitted_events():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Moderators")
    assert group.permissions.filter(codename="moderate_eventsubmission").exists()
