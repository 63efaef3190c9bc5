"""The emails signers receive: plain text and HTML from templates, in the language they signed in.

Each email says who sends it and why, and carries absolute links built from
``WAGTAILADMIN_BASE_URL`` (the site's public address), among them a link to
withdraw the signature.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from campaigns.petitions.models import EmailKind, PetitionPage
from campaigns.petitions.withdrawal import withdraw_token
from nnirr_site.core import layout_cache

TEMPLATES = {
    EmailKind.CONFIRM: "petitions/emails/confirm",
    EmailKind.ALREADY_SIGNED: "petitions/emails/already_signed",
}


def absolute_url(page, route_path=""):
    """The public address of ``page`` (plus a sub-route) on the site's configured base URL."""
    _site_id, _root_url, page_path = page.get_url_parts()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{page_path}{route_path}"


def petition_in_language(petition_id, language):
    """The petition in ``language`` (if translated) and its public address, remembered per generation.

    The email worker sends one email per signature; loading the page and
    working out its address for each of them cost more than the email itself.
    The page returned is shared: read it, never change it.
    """
    entries = layout_cache.local_entries()
    key = ("petition-email", petition_id, language)
    if key not in entries:
        with translation.override(language):
            petition = PetitionPage.objects.select_related("locale").get(pk=petition_id)
            if petition.locale.language_code != language:
                petition = petition.localized
            entries[key] = (petition, absolute_url(petition))
    return entries[key]


def build_message(signature, kind, token=None):
    """Render the email of ``kind`` for ``signature``; ``token`` gives it a confirmation link."""
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
            "valid_days": settings.PETITION_TOKEN_DAYS,
        }
        base = TEMPLATES[kind]
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [signature.email])
    message.attach_alternative(html, "text/html")
    return message
