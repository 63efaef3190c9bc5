"""Suggest a correction: the public form with the core's abuse checks, bad input, and the staff queue;
freshness: the staff report of services not checked for 180 days."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import Locale

from services.models import Correction, CorrectionStatus, Service
from supporter_actions.abuse import form_stamp

pytestmark = pytest.mark.django_db

URL = "/services/demo-tijuana-dining-hall/correction/"
THANKS = "/services/demo-tijuana-dining-hall/correction/thanks/"


@pytest.fixture(autouse=True)
def no_demo_corrections():
    """The demo's two corrections would be counted with the test's own."""
    Correction.objects.all().delete()


def stamp(seconds_ago=30):
    return form_stamp(now=timezone.now() - timedelta(seconds=seconds_ago))


def post(client, url=URL, **fields):
    data = {"topic": "hours", "details": "They now open at 8.", "contact": "", "website": "", "started": stamp()}
    data.update(fields)
    return client.post(url, data, REMOTE_ADDR=fields.pop("ip", "203.0.113.7"))


def test_form_page_has_labels_and_no_account(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ["topic", "details", "contact"]:
        assert f'<label for="id_{name}">' in html
    assert 'name="started"' in html and 'name="website"' in html
    assert "You do not need an account" in html
    assert "Sugerir una corrección" in client.get("/es/servicios/demo-tijuana-dining-hall/correction/").content.decode()


def test_a_correction_goes_into_the_queue(client):
    response = post(client, contact="ana@example.org")
    assert response.status_code == 303 and response["Location"] == THANKS
    correction = Correction.objects.get()
    assert correction.service.slug == "demo-tijuana-dining-hall"
    assert correction.service_key == correction.service.translation_key
    assert correction.topic == "hours" and correction.contact == "ana@example.org"
    assert correction.language == "en" and correction.status == CorrectionStatus.NEW
    assert len(correction.ip_hash) == 64 and not correction.flagged
    assert "Our staff will check" in client.get(THANKS).content.decode()


def test_spanish_correction_is_recorded_in_spanish(client):
    response = post(client, url="/es/servicios/demo-tijuana-dining-hall/correction/")
    assert response.status_code == 303
    correction = Correction.objects.get()
    assert correction.language == "es" and correction.service.locale.language_code == "es"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"topic": ""}, "Please choose what is wrong."),
        ({"topic": "lies"}, "Please choose one of the options."),
        ({"details": ""}, "Please tell us what is wrong."),
        ({"details": "x" * 5000}, "Please keep it under 2000 characters (it has 5000)."),
        ({"details": "bad\x00byte"}, "Please remove the invisible characters."),
        ({"contact": "y" * 300}, "Please keep it under 200 characters."),
    ],
)
def test_bad_input_shows_errors_never_a_500(client, fields, message):
    response = post(client, **fields)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    assert 'aria-invalid="true"' in html
    assert not Correction.objects.exists()


def test_errors_are_in_spanish_on_the_spanish_form(client):
    html = post(client, url="/es/servicios/demo-tijuana-dining-hall/correction/", details="").content.decode()
    assert "Por favor, dinos qué está mal." in html


@pytest.mark.parametrize(
    "fields",
    [
        {"website": "http://spam.example"},  # the honeypot
        {"started": ""},  # no stamp
        {"started": "forged"},
        {"started": "just now"},  # sent faster than a person fills it in
    ],
)
def test_bots_see_the_thank_you_page_and_store_nothing(client, settings, fields):
    settings.SUPPORTER_MIN_FILL_SECONDS = settings.PETITION_MIN_FILL_SECONDS = 3
    if fields.get("started") == "just now":
        fields = {"started": form_stamp()}
    response = post(client, **fields)
    assert response.status_code == 303 and response["Location"] == THANKS
    assert not Correction.objects.exists()


def test_a_stamp_stores_one_correction_only(client):
    used = stamp()
    assert post(client, started=used).status_code == 303
    assert post(client, started=used, details="Again").status_code == 303
    assert Correction.objects.count() == 1


def test_an_expired_form_is_shown_again(client, settings):
    response = post(client, started=stamp(seconds_ago=10 * 24 * 3600))
    assert response.status_code == 200
    assert "This form was open for a long time" in response.content.decode()
    assert not Correction.objects.exists()


def test_over_the_rate_limit_corrections_are_flagged(client, settings):
    settings.SERVICES_CORRECTION_RATE_LIMIT = 2
    for n in range(4):
        assert post(client, details=f"Note {n}", ip="2001:db8:1:2::%d" % (n + 1)).status_code == 303
    flags = list(Correction.objects.order_by("created_at", "pk").values_list("flagged", flat=True))
    assert flags == [False, False, True, True]  # one /64: one person


def test_unknown_service_and_wrong_method(client):
    assert client.get("/services/nope/correction/").status_code == 404
    assert client.put(URL).status_code == 405


# --- Staff: the queue -------------------------------------------------------------------------


def test_staff_see_the_queue_and_closing_erases_the_contact(admin_client, superuser):
    post(admin_client.__class__(), contact="+52 664 555 0000")
    correction = Correction.objects.get()
    listing = admin_client.get("/admin/service-corrections/")
    assert listing.status_code == 200 and "They now open at 8." in listing.content.decode()
    assert admin_client.get(f"/admin/service-corrections/inspect/{correction.pk}/").status_code == 200
    assert admin_client.get("/admin/service-corrections/new/").status_code in (302, 403, 404)
    response = admin_client.post(
        f"/admin/service-corrections/edit/{correction.pk}/", {"status": "done", "staff_note": "Hours updated."}
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == "done" and correction.contact == ""
    assert correction.handled_by == superuser and correction.handled_at is not None


def test_editors_without_permission_cannot_see_the_queue(client, django_user_model, otp_login):
    editor = django_user_model.objects.create_user(username="ed", password="a-long-test-password-1")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    otp_login(client, editor)
    assert client.get("/admin/service-corrections/").status_code in (302, 403)
    assert client.get("/admin/border-services-to-check/").status_code in (302, 403)


# --- Staff: freshness ---------------------------------------------------------------------------


def test_stale_report_lists_services_not_checked_for_180_days(admin_client, service_maker):
    today = timezone.localdate()
    old = service_maker(name="Checked long ago", last_verified_on=today - timedelta(days=181))
    edge = service_maker(name="Checked exactly 180 days ago", last_verified_on=today - timedelta(days=180))
    never = service_maker(name="Never checked", last_verified_on=None)
    assert old.is_stale and never.is_stale and not edge.is_stale
    html = admin_client.get("/admin/border-services-to-check/").content.decode()
    assert "Checked long ago" in html and "Never checked" in html
    assert "Checked exactly 180 days ago" not in html
    assert html.index("Never checked") < html.index("Checked long ago")  # oldest first, never first of all
    assert "Demo Ojinaga Solidarity" in html  # a stale demo entry


def test_checked_today_records_who_and_when_in_every_language(admin_client, superuser, service_maker):
    service = service_maker(name="To recheck", last_verified_on=timezone.localdate() - timedelta(days=400))
    spanish = service.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.save()
    response = admin_client.post(f"/admin/border-services-to-check/{service.pk}/checked/")
    assert response.status_code == 302
    for row in Service.objects.filter(translation_key=service.translation_key):
        assert row.last_verified_on == timezone.localdate() and row.last_verified_by == superuser
        assert not row.is_stale
    assert ">To recheck</a>" not in admin_client.get("/admin/border-services-to-check/").content.decode()
    assert admin_client.get(f"/admin/border-services-to-check/{service.pk}/checked/").status_code == 302


def test_editing_the_checked_date_in_the_admin_records_the_editor(admin_client, superuser, service_maker):
    service = service_maker(name="Edited by staff", last_verified_on=timezone.localdate() - timedelta(days=300))
    assert service.last_verified_by is None
    edit_url = f"/admin/snippets/services/service/edit/{service.pk}/"
    assert admin_client.get(edit_url).status_code == 200
    data = {
        "name": "Edited by staff", "slug": service.slug, "organization_name": service.organization_name,
        "description": "Checked by phone.", "categories": ["legal", "food"], "status": "active",
        "asks_immigration_status": "no", "shares_with_enforcement": "no", "languages": ["es"], "fees": "free",
        "fees_note": "", "eligibility": "", "documents_required": "", "hours_note": "", "time_zone": "",
        "phone": "+1 915-555-0190", "email": "", "website": "", "address": "", "postal_code": "", "city": "El Paso",
        "state": "US-TX", "service_area": "", "latitude": "", "longitude": "",
        "last_verified_on": timezone.localdate().isoformat(),
        "hours-TOTAL_FORMS": "1", "hours-INITIAL_FORMS": "0", "hours-MIN_NUM_FORMS": "0", "hours-MAX_NUM_FORMS": "1000",
        "hours-0-weekday": "2", "hours-0-opens": "09:00", "hours-0-closes": "17:00", "hours-0-ORDER": "1",
        "hours-0-id": "", "hours-0-DELETE": "",
    }
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    service.refresh_from_db()
    assert service.last_verified_on == timezone.localdate() and service.last_verified_by == superuser
    assert service.categories == ["legal", "food"] and service.hours.count() == 1
    # Saving again without changing the date keeps who checked it.
    other = service_maker(name="Untouched")
    assert other.last_verified_by is None


def test_snippet_listing_and_admin_pages_render(admin_client):
    assert admin_client.get("/admin/snippets/services/service/").status_code == 200
    assert admin_client.get("/admin/snippets/services/service/add/").status_code == 200
