"""Fixtures of the email list's tests."""

import pytest
from django.core import mail

from tests.email_list.helpers import make_lists


@pytest.fixture(autouse=True)
def list_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 5
    mail.outbox = []
    return settings


@pytest.fixture
def lists(db):
    return make_lists()
