"""The emails organizations' contacts and individual signers receive, in the language they signed in.

Plain text and HTML from templates (``templates/letters/emails/<kind>…``), with absolute links
built from ``WAGTAILADMIN_BASE_URL`` (the site's public address), never from a request. Sign-on
emails are far fewer than petition emails, so each is rendered whole; no shared-parts cache.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from campaigns.letters.models import Endorsement, LetterEmailKind, SignOnLetterPage
from supporter_actions import tokens
from supporter_actions.senders import from_address

TEMPLATES = {
    LetterEmailKind.CONFIRM: "letters/emails/confirm",
    LetterEmailKind.ALREADY_SIGNED: "letters/emails/already_signed",
}


def absolute_url(page, route_path=""):
    """The public address of ``page`` (plus a sub-route) on the site's configured base URL."""
    _site_id, _root_url, page_path = page.get_url_parts()
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{page_path}{route_path}"


def letter_in_language(letter_id, language):
    """The letter in ``language`` when it is translated (and live), else the letter signed."""
    letter = SignOnLetterPage.objects.select_related("locale").get(pk=letter_id)
    if letter.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translated = letter.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            letter = translated
    return letter


def build_message(email, token=None):
    """The email ``email`` (a ``LetterEmail`` with its recipient loaded); ``token`` gives it a confirmation link."""
    recipient = email.endorsement or email.individual
    is_organization = isinstance(recipient, Endorsement)
    language = recipient.language
    with translation.override(language):
        letter = letter_in_language(recipient.letter_id, language)
        letter_url = absolute_url(letter)
        context = {
            "language": language,
            "letter": letter,
            "letter_url": letter_url,
            "is_organization": is_organization,
            "name": recipient.contact_name if is_organization else recipient.first_name,
            "organization_name": recipient.organization_name if is_organization else "",
            "confirm_url": letter_url + letter.reverse_subpage("confirm", args=[token]) if token else "",
            "consent_version": recipient.consent_version,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
            "valid_days": tokens.valid_days(),
        }
        base = TEMPLATES[email.kind]
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    to = recipient.contact_email if is_organization else recipient.email
    message = EmailMultiAlternatives(subject, text, from_address(language), [to])
    message.attach_alternative(html, "text/html")
    return message
