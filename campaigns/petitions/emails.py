"""The emails signers receive: plain text and HTML from templates, in the language they signed in.

Each email says who sends it and why, and carries absolute links built from
``WAGTAILADMIN_BASE_URL`` (the site's public address), among them a link to
withdraw the signature.

Every email of one kind, for one petition in one language, differs only in the
signer's first name and their two links. So the templates are rendered once
(per generation) with a marker in each of those places, and each email fills
the markers in: escaped in the HTML part as the template would have escaped
them, as they are in the plain-text part. Rendering the three templates for
every email had been the worker's largest cost after the queue itself.

Fast path ``email_markers`` (``NNIRR_FAST_PATHS``, ``nnirr_site/core/fast_paths.py``; off, each email is
rendered from its templates by ``plain_message``). Saves 2.8 ms of 2.95 (95%) per confirmation email
(``bench/fast_paths.py``, 2026-11-26, load average ~3.7). Invalidation: the parts are kept in
``layout_cache.local_entries`` under the layout generation (a publish of the petition starts a new one),
per petition, language, kind, privacy notice version and token validity.
"""

import re
from types import SimpleNamespace

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

from campaigns.petitions.models import EmailKind, PetitionPage
from campaigns.petitions.withdraw_tokens import withdraw_token
from nnirr_site.core import fast_paths, layout_cache
from supporter_actions import tokens
from supporter_actions.senders import from_address

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


# Markers for what differs between two emails of one kind: letters, digits and dashes only, so
# the templates' escaping leaves them as they are.
NAME_SLOT = "nnirr-email-name-slot-5d2e81"
CONFIRM_SLOT = "nnirr-email-confirm-slot-5d2e81"
WITHDRAW_SLOT = "nnirr-email-withdraw-slot-5d2e81"
SLOTS = re.compile("|".join((NAME_SLOT, CONFIRM_SLOT, WITHDRAW_SLOT)))


def rendered_email(petition_id, language, kind, with_link, privacy_version):
    """Subject, text and HTML of this kind of email with markers for name and links, remembered per generation."""
    entries = layout_cache.local_entries()
    key = ("petition-email-parts", petition_id, language, kind, with_link, privacy_version,
           tokens.valid_days())
    if key not in entries:
        petition, petition_url = petition_in_language(petition_id, language)
        entries[key] = render_email(petition, petition_url, language, kind, NAME_SLOT,
                                    CONFIRM_SLOT if with_link else "", WITHDRAW_SLOT, privacy_version)
    return entries[key]


def render_email(petition, petition_url, language, kind, first_name, confirm_url, withdraw_url, privacy_version):
    """Subject, text and HTML of one email, rendered from the templates."""
    with translation.override(language):
        context = {
            "signature": SimpleNamespace(first_name=first_name, language=language),
            "petition": petition,
            "petition_url": petition_url,
            "confirm_url": confirm_url,
            "withdraw_url": withdraw_url,
            "privacy_version": privacy_version,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
            "valid_days": tokens.valid_days(),
        }
        base = TEMPLATES[kind]
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        return subject, render_to_string(f"{base}.txt", context), render_to_string(f"{base}.html", context)


def fill(template, values):
    """Put ``values`` (marker → text) in place of the markers, in one pass: a name that happens to
    contain a marker is never filled in again."""
    return SLOTS.sub(lambda match: values[match.group(0)], template)


def build_message(signature, kind, token=None):
    """The email of ``kind`` for ``signature``; ``token`` gives it a confirmation link."""
    if not fast_paths.enabled("email_markers"):
        return plain_message(signature, kind, token)
    petition, petition_url = petition_in_language(signature.petition_id, signature.language)
    subject, text, html = rendered_email(
        signature.petition_id, signature.language, kind, bool(token), signature.privacy_notice_version
    )
    values = {
        NAME_SLOT: signature.first_name,
        CONFIRM_SLOT: petition_url + petition.reverse_subpage("confirm", args=[token]) if token else "",
        WITHDRAW_SLOT: petition_url + petition.reverse_subpage("withdraw", args=[withdraw_token(signature)]),
    }
    message = EmailMultiAlternatives(subject, fill(text, values), from_address(signature.language), [signature.email])
    message.attach_alternative(fill(html, {slot: escape(value) for slot, value in values.items()}), "text/html")
    return message


def plain_message(signature, kind, token=None):
    """``build_message`` without the markers: the page loaded and the templates rendered for this email."""
    with translation.override(signature.language):
        petition = PetitionPage.objects.select_related("locale").get(pk=signature.petition_id)
        if petition.locale.language_code != signature.language:
            petition = petition.localized
        petition_url = absolute_url(petition)
    confirm_url = petition_url + petition.reverse_subpage("confirm", args=[token]) if token else ""
    withdraw_url = petition_url + petition.reverse_subpage("withdraw", args=[withdraw_token(signature)])
    subject, text, html = render_email(petition, petition_url, signature.language, kind, signature.first_name,
                                       confirm_url, withdraw_url, signature.privacy_notice_version)
    message = EmailMultiAlternatives(subject, text, from_address(signature.language), [signature.email])
    message.attach_alternative(html, "text/html")
    return message
