"""The core's retention registry and periods: every action registers, and the periods come from settings."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.letters.models import Endorsement, EndorsementStatus
from supporter_actions.retention import registered_actions
from tests.campaigns.test_letters_staff import add_endorsement, make_letter

pytestmark = pytest.mark.django_db


def test_petitions_and_letters_register_their_steps():
    assert {"petitions", "sign-on letters"} <= set(registered_actions())


@pytest.mark.parametrize(("retention_days", "anonymized"), [(180, True), (400, False)])
def test_the_retention_period_is_the_cores_setting(settings, retention_days, anonymized):
    settings.SUPPORTER_RETENTION_DAYS = retention_days
    letter = make_letter("closed-200-days", deadline=timezone.now() - timedelta(days=200))
    endorsement = add_endorsement(letter, EndorsementStatus.VERIFIED)
    out = io.StringIO()
    call_command("purge_supporter_data", stdout=out)
    assert f"closed for more than {retention_days} days" in out.getvalue()
    assert (Endorsement.objects.get(pk=endorsement.pk).anonymised_at is not None) is anonymized


def test_action_option_runs_only_that_action():
    out = io.StringIO()
    call_command("purge_supporter_data", "--dry-run", "--action", "petitions", stdout=out)
    assert "Petitions:" in out.getvalue() and "Sign-on letters:" not in out.getvalue()
