"""Helpers for the petition staff, withdrawal and retention tests: signatures in any state, users per role."""

import itertools

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from campaigns.petitions.data_access import PETITION_DATA_GROUP
from campaigns.petitions.models import FlagReason, Signature
from campaigns.petitions.signing import add_to_tally, normalize_email

_numbers = itertools.count(1)

ROLES = ["anonymous", "editor", "data_member", "superuser"]


def add_signature(petition, state="counted", created_at=None, **fields):
    """Store a signature directly, counted (tally + 1), pending or flagged."""
    number = next(_numbers)
    now = timezone.now()
    created_at = created_at or now
    email = fields.pop("email", f"signer{number}@example.org")
    values = {
        "petition": petition,
        "petition_key": petition.translation_key,
        "first_name": f"Signer{number}",
        "last_name": "Example",
        "email": email,
        "email_normalized": normalize_email(email),
        "postal_code": "94612",
        "country": "US",
        "privacy_notice_version": "2026-11",
        "language": "en",
        "created_at": created_at,
        "ip_hash": "ab" * 32,
    }
    if state == "counted":
        values.update(confirmed_at=created_at, counted_at=created_at)
    elif state == "flagged":
        values.update(flag=FlagReason.RATE_LIMITED)
    values.update(fields)
    signature = Signature.objects.create(**values)
    if signature.counted_at is not None:
        add_to_tally(petition.translation_key, 1)
    return signature


def make_user(django_user_model, role):
    """A user of ``role``: an editor (Wagtail's "Editors" group), a "Petition data" member, or a superuser."""
    if role == "anonymous":
        return None
    number = next(_numbers)
    if role == "superuser":
        return django_user_model.objects.create_superuser(
            username=f"super{number}", email=f"super{number}@example.org", password="a-long-test-password-1"
        )
    user = django_user_model.objects.create_user(
        username=f"{role}{number}", email=f"{role}{number}@example.org", password="a-long-test-password-1"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    if role == "data_member":
        user.groups.add(Group.objects.get(name=PETITION_DATA_GROUP))
    return user


@pytest.fixture
def login_as(client, django_user_model, request):
    """``login_as(role)``: the test client signed in as a new user of that role (second factor passed)."""
    try:
        otp_login = request.getfixturevalue("otp_login")
    except pytest.FixtureLookupError:
        otp_login = None

    def login(role):
        user = make_user(django_user_model, role)
        if user is not None:
            if otp_login is not None:
                otp_login(client, user)
            else:
                client.force_login(user)
        return client, user

    return login
