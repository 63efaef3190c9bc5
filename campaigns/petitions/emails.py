"""The emails signers receive: plain text and HTML from templates, in the language they signed in.

Each email says who sends it and why, and carries absolute links built from
``WAGTAILADMIN_BASE_URL`` (the site's public address), among them a link to
withdraw the signature.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from campaigns.petitions.models import EmailKind
from campaigns.petitions.withdrawal import withdraw_token

TEMPLATES = {
    EmailKind.CONFIRM: "petitions/emails/confirm",
    EmailKind.ALREADY_SIGNED: "petitions/emails/already_signed",
}


def absolute_url(page, route_path=""):
    """The public address of ``page`` (plus a sub-route) on the site's configured base URL."""
    _site_id, _root_url, page_path = page.get_url_parts()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{page_path}{route_path}"


def build_message(signature, kind, token=None):
    """Render the email of ``kind`` for ``signature``; ``token`` gives it a confirmation link."""
    petition = signature.petition
    with translation.override(signature.language):
        petition = petition.localized if petition.locale.language_code != signature.language else petition
        context = {
            "signature": signature,
            "petition": petition,
            "petition_url": absolute_url(petition),
            "confirm_url": absolute_url(petition, petition.reverse_subpage("confirm", args=[token])) if token else "",
            "withdraw_url": absolute_url(petition, petition.reverse_subpage("withdraw", args=[withdraw_token(signature)])),
            "privacy_version": signature.privacy_notice_version,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
            "valid_days": settings.PETITION_TOKEN_DAYS,
        }
        base = TEMPLATES[kind]
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [signature.email])
    message.attach_alternative(html, "text/html")
    return message
