"""Supporter emails come from the organization's name in the recipient's language."""

import pytest
from django.core import mail

from campaigns.petitions.models import PetitionPage
from supporter_actions.senders import from_address
from tests.campaigns.petition_helpers import run_queued_tasks, sign

ADDRESS = "info@nnirr.example.org"


def test_display_name_follows_the_language(settings):
    settings.DEFAULT_FROM_EMAIL = f"National Network for Immigrant and Refugee Rights <{ADDRESS}>"
    assert from_address("en") == f"National Network for Immigrant and Refugee Rights <{ADDRESS}>"
    assert from_address("es") == f"Red Nacional por los Derechos de Inmigrantes y Refugiados <{ADDRESS}>"


def test_a_display_name_of_ones_own_is_kept(settings):
    settings.DEFAULT_FROM_EMAIL = f"NNIRR Office <{ADDRESS}>"
    assert from_address("es") == f"NNIRR Office <{ADDRESS}>"
    settings.DEFAULT_FROM_EMAIL = ADDRESS
    assert from_address("es") == ADDRESS


@pytest.mark.django_db
@pytest.mark.parametrize("language, name", [("en", "National Network"), ("es", "Red Nacional")])
def test_petition_confirmation_comes_from_the_name_in_the_signers_language(client, settings, language, name):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.DEFAULT_FROM_EMAIL = f"National Network for Immigrant and Refugee Rights <{ADDRESS}>"
    mail.outbox = []
    english = PetitionPage.objects.get(slug="ratify-the-convention-petition", locale__language_code="en")
    petition = PetitionPage.objects.get(translation_key=english.translation_key, locale__language_code=language)
    sign(client, petition, email=f"sender-{language}@example.org")
    run_queued_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].from_email.startswith(name)
    assert mail.outbox[0].from_email.endswith(f"<{ADDRESS}>")
