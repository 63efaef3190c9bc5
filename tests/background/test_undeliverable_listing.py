"""Staff see which signers' emails could not be delivered: in the listing, as a filter, on the signature's page."""

import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from campaigns.petitions.models import Signature, SignatureEmail
from tests.campaigns.petition_helpers import make_petition, run_queued_tasks, sign

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    """A mail server that answers 550 for one mailbox and accepts the rest."""

    def send_messages(self, messages):
        for message in messages:
            if message.to == ["gone@example.org"]:
                raise smtplib.SMTPRecipientsRefused({"gone@example.org": (550, b"5.1.1 No such user")})
        return super().send_messages(messages)


def test_refused_email_is_shown_and_filterable(client, admin_client, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.EMAIL_BACKEND = "tests.background.test_undeliverable_listing.RefusingBackend"
    petition = make_petition(slug="undeliverable")
    sign(client, petition, email="gone@example.org", first_name="Zorbanita")
    sign(client, petition, email="here@example.org", first_name="Quetzalina")
    run_queued_tasks()
    refused = SignatureEmail.objects.get(signature__email="gone@example.org")
    assert refused.failed_at is not None and refused.sent_at is None
    assert SignatureEmail.objects.get(signature__email="here@example.org").failed_at is None

    listing_url = reverse("petitions_admin:signatures", args=[petition.pk])
    listing = admin_client.get(listing_url).content.decode()
    assert listing.count("Email could not be delivered") == 1
    only_failed = admin_client.get(listing_url, {"undeliverable": "on"}).content.decode()
    assert "Zorbanita" in only_failed and "Quetzalina" not in only_failed

    gone = Signature.objects.get(email="gone@example.org")
    detail = admin_client.get(reverse("petitions_admin:signature", args=[petition.pk, gone.pk])).content.decode()
    assert "Email could not be delivered" in detail and "SMTPRecipientsRefused 550" in detail
