"""Fixtures of the email list's tests."""

import pytest
from django.core import mail
from django.db import connection

from tests.email_list.helpers import make_lists


@pytest.fixture(autouse=True)
def list_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 5
    mail.outbox = []
    return settings


PEOPLE_TABLES = ["email_list_digestsend", "email_list_digestitem", "email_list_digest", "email_list_consentrecord",
                 "email_list_listemail", "email_list_signuprequest", "email_list_subscription", "email_list_subscriber"]


@pytest.fixture
def lists(db):
    """The demo's three lists with nobody on them: the demo subscribers, history and digests are set aside.

    TRUNCATE, inside the test's transaction, so it is rolled back with it (the consent history
    refuses row deletes, by design).
    """
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(PEOPLE_TABLES))
    return make_lists()
