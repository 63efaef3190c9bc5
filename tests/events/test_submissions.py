"""The "Add your event" form: submission → email → confirm (POST only) → staff queue → draft page → published,
with the organizer told in their language; declines; and bad input that gets field errors, never a 500."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from events.models import EventEmail, EventPage, EventSubmission, SubmissionStatus
from supporter_actions.abuse import form_stamp
from tests.campaigns.petition_helpers import run_queued_tasks
from tests.events.helpers import demo_index, layout_changed

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"https?://\S+/(?:add/confirm|agregar/confirmar)/[A-Za-z0-9_-]+/")


@pytest.fixture(autouse=True)
def event_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 5
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    mail.outbox = []
    return settings


def form_data(**overrides):
    data = {
        "title": "Know your rights workshop",
        "summary": "A workshop on what to do if immigration agents come to your door.",
        "description": "Bring questions.\n\nSnacks provided.",
        "start_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "start_time": "18:00",
        "end_time": "20:00",
        "time_zone": "America/Phoenix",
        "attendance": "in_person",
        "venue_name": "Demo Library",
        "street_address": "10 Main St",
        "city": "Tucson",
        "state": "AZ",
        "postal_code": "85701",
        "organizer_name": "Demo Barrio Committee",
        "languages": ["es", "en"],
        "contact_name": "Rosa Martínez",
        "contact_email": "rosa@example.org",
        "consent": "on",
        "started": form_stamp(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit_url(language="en"):
    index = demo_index(language)
    return index.url + index.reverse_subpage("submit")


def submit(client, language="en", **overrides):
    return client.post(submit_url(language), form_data(**overrides))


@pytest.fixture
def moderator(django_user_model, otp_login, client):
    user = django_user_model.objects.create_user(username="moderator", password="a-long-test-password-1",
                                                 is_staff=True)
    group, _ = Group.objects.get_or_create(name="Test event moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_eventsubmission"),
                          Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_the_whole_flow_in_spanish(client, admin_client, superuser):
    response = submit(client, language="es", contact_email="ana@example.org", title="Taller de derechos")
    assert response.status_code == 303
    submission = EventSubmission.objects.get(contact_email="ana@example.org")
    assert submission.language == "es" and submission.status == SubmissionStatus.AWAITING_CONFIRMATION
    assert submission.start_time == datetime.time(18, 0) and submission.time_zone == "America/Phoenix"

    run_queued_tasks()
    message = mail.outbox[-1]
    assert message.to == ["ana@example.org"]
    assert "Confirma tu evento" in message.subject
    link = CONFIRM_LINK.search(message.body).group(0)
    path = link.split("nnirr.example.org", 1)[1]
    assert path.startswith("/es/eventos/agregar/confirmar/")  # sub-page slugs in the page's language

    assert client.get(path).status_code == 200  # a GET never confirms
    assert EventSubmission.objects.get(pk=submission.pk).confirmed_at is None
    assert client.post(path).status_code == 200
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING and submission.confirmed_at
    assert client.post(path).status_code == 404  # used once

    queue = admin_client.get("/admin/event-submissions/")
    assert "Taller de derechos" in queue.content.decode()
    response = admin_client.post(f"/admin/event-submissions/{submission.pk}/", {"action": "draft"})
    assert response.status_code == 302
    submission.refresh_from_db()
    page = submission.event_page.specific
    assert submission.status == SubmissionStatus.DRAFTED
    assert not page.live and page.locale.language_code == "es"
    assert page.starts_at == datetime.datetime.combine(
        submission.start_date + datetime.timedelta(days=1), datetime.time(1, 0), datetime.timezone.utc)
    assert "Rosa" not in str(page.body) and "ana@example.org" not in str(page.body)
    mail.outbox = []
    page.save_revision(user=superuser).publish()
    layout_changed()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PUBLISHED
    run_queued_tasks()
    assert len(mail.outbox) == 1
    assert "Tu evento está en nuestro calendario" in mail.outbox[0].subject
    assert "/es/eventos/" in mail.outbox[0].body
    # Publishing again (an edit) does not tell the organizer again.
    EventPage.objects.get(pk=page.pk).save_revision(user=superuser).publish()
    run_queued_tasks()
    assert len(mail.outbox) == 1
    assert client.get(EventPage.objects.get(pk=page.pk).url).status_code == 200


def test_decline_tells_the_organizer_in_english(client, admin_client):
    submit(client, contact_email="sam@example.org")
    run_queued_tasks()
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(0).split("nnirr.example.org", 1)[1]
    client.post(path)
    submission = EventSubmission.objects.get(contact_email="sam@example.org")
    mail.outbox = []
    response = admin_client.post(f"/admin/event-submissions/{submission.pk}/",
                                 {"action": "decline", "reason": "It is a commercial event."})
    assert response.status_code == 302
    run_queued_tasks()
    assert mail.outbox[0].subject.startswith("About your event")
    assert "It is a commercial event." in mail.outbox[0].body
    assert EventSubmission.objects.get(pk=submission.pk).status == SubmissionStatus.DECLINED


def test_staff_without_the_permission_are_turned_away(client, django_user_model, otp_login):
    user = django_user_model.objects.create_user(username="editor2", password="a-long-test-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    otp_login(client, user)
    submission = EventSubmission.objects.filter(status=SubmissionStatus.PENDING).first()
    for url in ["/admin/event-submissions/", f"/admin/event-submissions/{submission.pk}/"]:
        response = client.get(url)
        assert response.status_code in (302, 403)  # Wagtail sends a denied admin user to the dashboard
        assert submission.contact_email not in response.content.decode()
    assert client.post(f"/admin/event-submissions/{submission.pk}/", {"action": "draft"}).status_code in (302, 403)
    assert EventSubmission.objects.get(pk=submission.pk).status == SubmissionStatus.PENDING


def test_moderator_sees_the_queue(client, moderator, otp_login):
    otp_login(client, moderator)
    response = client.get("/admin/event-submissions/")
    assert response.status_code == 200
    assert "Posada for migrant rights" in response.content.decode()  # demo submission


def test_unconfirmed_and_bot_submissions_never_reach_the_queue(client):
    submit(client, contact_email="unconfirmed@example.org")
    assert submit(client, website="http://spam.example", contact_email="bot@example.org").status_code == 303
    assert not EventSubmission.objects.filter(contact_email="bot@example.org").exists()
    stamp = form_stamp()
    submit(client, started=stamp, contact_email="once@example.org")
    submit(client, started=stamp, contact_email="twice@example.org")
    assert not EventSubmission.objects.filter(contact_email="twice@example.org").exists()
    assert not EventSubmission.objects.filter(status=SubmissionStatus.PENDING,
                                              contact_email__in=["unconfirmed@example.org"]).exists()


def test_rate_limit_flags_and_sends_no_email(client, settings):
    settings.SUPPORTER_RATE_LIMIT = 2
    for n in range(4):
        assert submit(client, contact_email=f"flood{n}@example.org").status_code == 303
    flagged = EventSubmission.objects.filter(contact_email__startswith="flood", flagged=True)
    assert flagged.count() == 2
    assert EventEmail.objects.filter(submission__in=flagged).count() == 0


BAD_INPUT = [
    ({"end_time": "17:00"}, "end_time", "cannot end before it starts"),
    ({"end_date": "2020-01-01"}, "end_date", "cannot end before it starts"),
    ({"start_date": "9999-12-31"}, "start_date", "within the next two years"),
    ({"start_date": "1900-01-01"}, "start_date", "has passed"),
    ({"start_date": "2026-02-30"}, "start_date", "valid date"),
    ({"start_time": "25:99"}, "start_time", "valid time"),
    ({"title": "x" * 10000}, "title", "at most 200"),
    ({"summary": "y" * 10000}, "summary", "at most 400"),
    ({"description": "z" * 10000}, "description", "at most 4000"),
    ({"title": "<script>alert(1)</script>"}, "title", "plain text"),
    ({"summary": "Come! <img src=x onerror=alert(1)>"}, "summary", "plain text"),
    ({"summary": "Details at https://evil.example/"}, "summary", "link fields"),
    ({"venue_name": "www.spam.example"}, "venue_name", "link fields"),
    ({"registration_url": "javascript:alert(1)"}, "registration_url", "https://"),
    ({"registration_url": "ftp://files.example.org/"}, "registration_url", "https://"),
    ({"contact_name": "Visit http://x.example"}, "contact_name", "web addresses"),
    ({"time_zone": "Mars/Olympus"}, "time_zone", "valid choice"),
    ({"state": "ZZ"}, "state", "valid choice"),
    ({"city": "", "state": ""}, "city", "city of an in-person event"),
    ({"attendance": "online"}, "online_url", "join online"),
    ({"postal_code": "ABCDE"}, "postal_code", "five-digit"),
    ({"start_date": "2027-03-14", "start_time": "02:30", "time_zone": "America/Chicago", "end_time": "04:00"},
     "start_time", "does not exist"),
    ({"consent": "yes"}, "consent", "Please agree"),
    ({"languages": ["klingon"]}, "languages", "valid choice"),
    ({"title": "a\x00b"}, "title", "Null characters"),
]


@pytest.mark.parametrize("changes, field, message", BAD_INPUT)
def test_bad_input_gets_field_errors_not_500(client, changes, field, message):
    if "2027-03-14" in changes.get("start_date", "") and timezone.localdate() > datetime.date(2027, 3, 1):
        pytest.skip("the DST date must be in the future")
    before = EventSubmission.objects.count()
    response = submit(client, **changes)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message.lower() in " ".join(form.errors[field]).lower(), form.errors[field]
    html = response.content.decode()
    assert f'href="#event-{field}"' in html  # the error summary links to the field
    assert "<script>alert" not in html
    assert EventSubmission.objects.count() == before


def test_errors_are_in_spanish_on_the_spanish_form(client):
    response = submit(client, language="es", end_time="17:00", title="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "El evento no puede terminar antes de empezar." in html
    assert "Por favor, corrige esto" in html


def test_get_shows_the_form_and_other_methods_are_refused(client):
    response = client.get(submit_url())
    assert response.status_code == 200
    assert 'name="website"' in response.content.decode()
    assert client.put(submit_url()).status_code == 405


def test_a_private_venue_submission_keeps_the_address_off_the_page(client, admin_client, superuser):
    submit(client, contact_email="private@example.org", venue_private="on", street_address="77 Secret Way")
    run_queued_tasks()
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(0).split("nnirr.example.org", 1)[1]
    client.post(path)
    submission = EventSubmission.objects.get(contact_email="private@example.org")
    admin_client.post(f"/admin/event-submissions/{submission.pk}/", {"action": "draft"})
    page = EventSubmission.objects.get(pk=submission.pk).event_page.specific
    assert page.venue_private
    page.save_revision(user=superuser).publish()
    layout_changed()
    html = client.get(EventPage.objects.get(pk=page.pk).url).content.decode()
    assert "77 Secret Way" not in html and "Tucson, Arizona" in html
