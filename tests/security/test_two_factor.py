"""Every staff account needs a second factor (TOTP) before any admin page; enrolment, verification, recovery."""

import re
from base64 import b64decode

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(username="staffer", email="s@example.org", password=PASSWORD)


def sign_in(client):
    response = client.post("/admin/login/", {"username": "staffer", "password": PASSWORD, "next": "/admin/pages/"})
    assert response.status_code == 302
    return client.get(response["Location"])


def current_code(device):
    """What the staff member's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def unthrottle(device):
    device.refresh_from_db()
    device.throttle_reset()


def test_test_settings_enforce_two_factor():
    assert settings.NNIRR_DEV_SKIP_2FA is False


def test_admin_without_device_goes_to_enrolment_then_recovery_codes(client, staff):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=")
    # Every admin page sends there, not only the home page.
    assert client.get("/admin/documents/")["Location"].startswith("/admin/2fa/setup/")

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    qr = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert qr and b"<svg" in b64decode(qr.group(1))
    assert "href" not in b64decode(qr.group(1)).decode()  # nothing fetched from elsewhere
    device = TOTPDevice.objects.get(user=staff, confirmed=False)

    wrong = client.post(page.request["PATH_INFO"], {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    unthrottle(device)  # django-otp makes you wait a second after a wrong code

    done = client.post("/admin/2fa/setup/", {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 302
    assert done["Location"].startswith("/admin/2fa/recovery-codes/")
    codes_page = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", codes_page)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    # Shown once only.
    assert "<li><code>" not in client.get("/admin/2fa/recovery-codes/").content.decode()
    assert client.get("/admin/pages/").status_code == 200


def test_enrolled_staff_must_verify_after_each_sign_in(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    response = sign_in(client)
    assert response["Location"].startswith("/admin/2fa/verify/?next=")
    assert client.get("/admin/pages/").status_code == 302
    bad = client.post("/admin/2fa/verify/", {"code": "123456", "next": "/admin/pages/"})
    assert "That code is not right" in bad.content.decode()
    unthrottle(device)
    good = client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "/admin/pages/"})
    assert good.status_code == 302 and good["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_recovery_code_works_once(client, staff):
    from nnirr_site.accounts.two_factor import replace_recovery_codes

    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    code = replace_recovery_codes(staff)[0]
    sign_in(client)
    assert client.post("/admin/2fa/verify/", {"code": code, "next": "/admin/"}).status_code == 302
    assert client.get("/admin/pages/").status_code == 200
    client.post("/admin/logout/")
    sign_in(client)
    reused = client.post("/admin/2fa/verify/", {"code": code, "next": "/admin/"})
    assert reused.status_code == 200
    assert client.get("/admin/pages/").status_code == 302


def test_repeated_wrong_codes_are_throttled(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    for _ in range(3):
        client.post("/admin/2fa/verify/", {"code": "000000"})
    response = client.post("/admin/2fa/verify/", {"code": current_code(device)})
    assert response.status_code == 200
    assert "Too many wrong codes" in response.content.decode()


def test_next_must_stay_on_this_site(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_public_pages_are_not_affected(client, staff):
    sign_in(client)
    assert client.get("/").status_code == 200


@override_settings(NNIRR_DEV_SKIP_2FA=True)
def test_development_setting_skips_two_factor(client, staff):
    response = sign_in(client)
    assert response.status_code == 200


def test_admin_client_fixture_is_verified(admin_client):
    assert admin_client.get("/admin/pages/").status_code == 200


def test_otp_login_fixture_for_other_staff(client, django_user_model, otp_login):
    editor = django_user_model.objects.create_user(username="ed", password=PASSWORD, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 302
    otp_login(client, editor)
    assert client.get("/admin/").status_code == 200


def test_reset_two_factor_command_makes_staff_enrol_again(client, staff):
    from django.core.management import call_command

    from nnirr_site.accounts.two_factor import replace_recovery_codes

    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    replace_recovery_codes(staff)
    call_command("reset_two_factor", "staffer", stdout=open("/dev/null", "w"))
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticToken.objects.filter(device__user=staff).exists()
    assert sign_in(client)["Location"].startswith("/admin/2fa/setup/")


def test_account_page_links_to_two_factor_settings(admin_client):
    assert 'href="/admin/2fa/recovery-codes/"' in admin_client.get("/admin/account/").content.decode()


def session_key(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def assert_old_session_is_gone(old_key):
    """A session key from before the second factor opens nothing: it no longer exists."""
    from importlib import import_module

    from django.test import Client

    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(old_key)
    stranger = Client()
    stranger.cookies[settings.SESSION_COOKIE_NAME] = old_key
    response = stranger.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_verifying_gives_the_session_a_new_key(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    before = session_key(client)
    response = client.post("/admin/2fa/verify/", {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert session_key(client) != before
    assert client.get("/admin/pages/").status_code == 200
    assert_old_session_is_gone(before)


def test_enrolling_gives_the_session_a_new_key(client, staff):
    setup_url = sign_in(client)["Location"]
    client.get(setup_url)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    before = session_key(client)
    response = client.post("/admin/2fa/setup/", {"code": current_code(device), "next": "/admin/pages/"})
    assert response["Location"].startswith("/admin/2fa/recovery-codes/")
    assert session_key(client) != before
    assert "<li><code>" in client.get(response["Location"]).content.decode()  # the codes moved with the session
    assert_old_session_is_gone(before)
