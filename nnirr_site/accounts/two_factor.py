"""Two-factor authentication for staff with django-otp: TOTP devices, one-time recovery codes, QR codes.

A staff member enrols one authenticator app (a ``TOTPDevice`` named ``TOTP_DEVICE_NAME``)
and receives ``RECOVERY_CODE_COUNT`` single-use recovery codes (a ``StaticDevice``). Either
verifies a session, which then gets a new session key, as a sign-in does. The QR code is an
SVG drawn on the server, so enrolment makes no request to another site.

The admin (``middleware.py``) and content restricted to signed-in users
(``restricted_content.py``) both send a signed-in but unverified user to
``verification_url``.
"""

import base64
import io
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.middleware.csrf import rotate_token
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def exempt_paths():
    """Admin paths a signed-in but unverified staff member may still open."""
    names = ["wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite"]
    names += ["accounts_2fa_setup", "accounts_2fa_verify"]
    return {reverse(name) for name in names}


def is_switched_off():
    """Only dev.py's ``NNIRR_DEV_SKIP_2FA`` (the demo login) lets a password alone through."""
    return getattr(settings, "NNIRR_DEV_SKIP_2FA", False)


def has_confirmed_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def verification_url(user, next_path):
    """Where ``user`` passes the second factor (enrolment first, without a device), then goes on to ``next_path``."""
    view = "accounts_2fa_verify" if has_confirmed_device(user) else "accounts_2fa_setup"
    return reverse(view) + "?" + urlencode({"next": next_path})


def mark_verified(request, device):
    """Mark the session verified by ``device`` and give it a new key and CSRF token.

    The session now opens more than it did, so, as after a sign-in, a session key someone
    learned or planted before this point must not carry the new rights.
    """
    otp_login(request, device)
    request.session.cycle_key()
    rotate_token(request)


def pending_totp_device(user):
    """The unconfirmed authenticator device being enrolled (the same secret across reloads)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_display(device):
    """The base32 secret in groups of four, for typing into an app that cannot scan."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(text):
    """An SVG QR code of ``text`` as a data: URI (rendered here; allowed by the admin's img-src)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def normalise_code(code):
    return "".join(code.split()).lower()


@transaction.atomic
def confirm_enrolment(request, device, code):
    """Confirm ``device`` if ``code`` is right: older devices are replaced and new recovery codes made.

    Returns the new recovery codes (shown once), or ``None`` when the code is wrong.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(normalise_code(code)):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = replace_recovery_codes(user)
    mark_verified(request, device)
    return codes


@transaction.atomic
def replace_recovery_codes(user):
    """Delete the user's recovery codes and make ``RECOVERY_CODE_COUNT`` new ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request, code):
    """Check an authenticator code or a recovery code (used up) and mark the session verified.

    Returns ``(verified, throttled)``: django-otp slows down repeated wrong codes per device.
    """
    code = normalise_code(code)
    throttled = False
    with transaction.atomic():
        for device in devices_for_user(request.user, confirmed=True, for_verify=True):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(code):
                mark_verified(request, device)
                return True, False
    return False, throttled


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
