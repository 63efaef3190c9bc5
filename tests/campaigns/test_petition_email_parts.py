"""Signer emails built from parts rendered once: each equals its templates rendered for that one signer."""

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from campaigns.petitions.emails import CONFIRM_SLOT, NAME_SLOT, TEMPLATES, build_message, petition_in_language
from campaigns.petitions.models import EmailKind, Signature
from campaigns.petitions.withdrawal import withdraw_token
from tests.campaigns.petition_helpers import make_petition

pytestmark = pytest.mark.django_db


def rendered_for(signature, kind, token):
    """Subject, text and HTML as the templates render them with this signature's own values."""
    petition, petition_url = petition_in_language(signature.petition_id, signature.language)
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "petition": petition,
            "petition_url": petition_url,
            "confirm_url": petition_url + petition.reverse_subpage("confirm", args=[token]) if token else "",
            "withdraw_url": petition_url + petition.reverse_subpage("withdraw", args=[withdraw_token(signature)]),
            "privacy_version": signature.privacy_notice_version,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
            "valid_days": settings.SUPPORTER_TOKEN_DAYS,
        }
        base = TEMPLATES[kind]
        return (
            " ".join(render_to_string(f"{base}_subject.txt", context).split()),
            render_to_string(f"{base}.txt", context),
            render_to_string(f"{base}.html", context),
        )


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "kind,token", [(EmailKind.CONFIRM, "Tok_en-123"), (EmailKind.ALREADY_SIGNED, "Tok_en-456"), (EmailKind.ALREADY_SIGNED, None)]
)
def test_every_email_equals_its_templates_rendered_for_that_signer(kind, token, language):
    petition = make_petition(title="Stop the raids & <deportations>")
    names = [
        "<Zoë> & \"Ana\" 'O'",  # escaped in the HTML part, as it is in the plain text
        f"Luz {CONFIRM_SLOT} {NAME_SLOT}",  # a name holding a marker is not filled in again
        "Bo",
    ]
    for number, name in enumerate(names * 2, start=1):  # the second round is built from the kept parts
        signature = Signature(
            pk=number,
            petition_id=petition.pk,
            petition_key=petition.translation_key,
            first_name=name,
            last_name="Díaz",
            email=f"signer{number}@example.org",
            language=language,
            privacy_notice_version="2026-11",
        )
        message = build_message(signature, kind, token)
        subject, text, html = rendered_for(signature, kind, token)
        assert message.subject == subject
        assert message.body == text
        assert message.alternatives[0][0] == html
        assert message.to == [signature.email]
        assert name in message.body
        if number == 1:
            assert "&lt;Zoë&gt; &amp; &quot;Ana&quot; &#x27;O&#x27;" in message.alternatives[0][0]
