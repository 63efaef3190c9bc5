"""Staff sign-in through the real Wagtail login form is locked after 5 failures per username and address,
and an address after 20 failures whatever the usernames (password spraying, issue 12 finding 11)."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(username="staffer", email="s@example.org", password=PASSWORD)


def attempt(client, password, address="203.0.113.7", username="staffer", **headers):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address, **headers
    )


def test_axes_backend_comes_first():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE


def test_five_failures_lock_the_account_for_that_address(client, staff):
    for _ in range(4):
        response = attempt(client, "wrong-password-here")
        assert response.status_code == 200  # the login form again, with an error
        assert b"Sign in" in response.content
    response = attempt(client, "wrong-password-here")
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert "5 failed attempts" in response.content.decode()
    # Now even the right password is refused from that address...
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # ...but not from another address.
    other = client.__class__()
    response = attempt(other, PASSWORD, address="198.51.100.20")
    assert response.status_code == 302
    assert other.session["_auth_user_id"] == str(staff.pk)


def test_lockout_is_per_username_and_address(client, staff, django_user_model):
    django_user_model.objects.create_superuser(username="colleague", email="c@example.org", password=PASSWORD)
    for _ in range(5):
        attempt(client, "wrong-password-here")
    response = attempt(client, PASSWORD, username="colleague")
    assert response.status_code == 302


def test_fewer_failures_then_success_does_not_lock(client, staff):
    for _ in range(4):
        attempt(client, "wrong-password-here")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong-password-here").status_code == 200  # the count was reset


SPRAYED = ["staffer", "ana", "ben", "carla", "dario"]  # one real account among guessed names


def spray(client, failures, address="203.0.113.7", **headers):
    """``failures`` wrong passwords from ``address``, a few for each username in turn; the last response."""
    for number in range(failures):
        response = client.post(
            "/admin/login/",
            {"username": SPRAYED[number % len(SPRAYED)], "password": "wrong-password-here", "next": "/admin/"},
            REMOTE_ADDR=address,
            **headers,
        )
        if number < failures - 1:
            assert response.status_code == 200, number  # no username has reached 5
    return response


def test_twenty_failures_over_several_usernames_lock_the_address(client, staff, django_user_model):
    django_user_model.objects.create_superuser(username="colleague", email="c@example.org", password=PASSWORD)
    response = spray(client, settings.AXES_ADDRESS_FAILURE_LIMIT)
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    assert response.status_code == 429
    html = response.content.decode()
    assert "20 failed attempts to sign in from your address" in html
    assert "locked for every account" in html
    # Every account is locked from that address, even with the right password, even one nobody guessed at...
    for username in ("staffer", "colleague"):
        response = attempt(client, PASSWORD, username=username)
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session
    # ...but not from another address.
    other = client.__class__()
    assert attempt(other, PASSWORD, address="198.51.100.20").status_code == 302
    assert other.session["_auth_user_id"] == str(staff.pk)


def test_nineteen_failures_over_several_usernames_lock_nothing(client, staff):
    assert spray(client, settings.AXES_ADDRESS_FAILURE_LIMIT - 1).status_code == 200
    assert attempt(client, PASSWORD).status_code == 302


def test_lockout_pages_follow_the_browsers_language(client, staff):
    for _ in range(5):
        response = attempt(client, "wrong-password-here", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert response.status_code == 429
    assert response["Content-Language"] == "es"
    html = response.content.decode()
    assert "Inicio de sesión bloqueado" in html
    assert "Hubo 5 intentos fallidos de iniciar sesión en esta cuenta desde tu dirección" in html

    response = spray(client.__class__(), 20, address="192.0.2.9", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Hubo 20 intentos fallidos de iniciar sesión desde tu dirección" in html
    assert "bloqueado para todas las cuentas" in html


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Short-pw-1!")
    validate_password("twelve-chars-ok-7")
