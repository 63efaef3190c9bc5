"""Corrections under the core's retention: address hashes after 30 days, visitors' contacts after 180."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from services.models import Correction, Service
from supporter_actions.retention import purge

pytestmark = pytest.mark.django_db


def correction(days_old, **fields):
    service = Service.objects.filter(locale=Locale.get_default()).first()
    made = Correction.objects.create(service=service, service_key=service.translation_key, topic="hours",
                                     details="Old note.", language="en", **fields)
    Correction.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return made


def test_purge_drops_old_hashes_and_contacts_and_keeps_the_rest(settings):
    settings.SUPPORTER_RETENTION_DAYS = 180
    fresh = correction(2, ip_hash="a" * 64, contact="ana@example.org")
    month = correction(31, ip_hash="b" * 64, contact="+1 555-0100")
    old = correction(181, ip_hash="", contact="old@example.org")
    dry = purge(dry_run=True)["border service corrections"]
    assert [count for _text, count in dry] == [1, 1]
    call_command("purge_supporter_data", stdout=open("/dev/null", "w"))
    fresh.refresh_from_db(), month.refresh_from_db(), old.refresh_from_db()
    assert fresh.ip_hash == "a" * 64 and fresh.contact == "ana@example.org"
    assert month.ip_hash == "" and month.contact == "+1 555-0100"
    assert old.contact == "" and old.details == "Old note."
    assert [count for _text, count in purge(dry_run=True)["border service corrections"]] == [0, 0]
