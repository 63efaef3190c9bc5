"""The emails an event's organizer receives, in the language they used the form in.

Plain text and HTML from ``events/templates/events/emails/<kind>…``, with absolute links built from
``WAGTAILADMIN_BASE_URL`` (the site's public address), never from a request.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from events.models import EventEmailKind, EventIndexPage
from supporter_actions import tokens
from supporter_actions.senders import from_address

TEMPLATES = {
    EventEmailKind.CONFIRM: "events/emails/confirm",
    EventEmailKind.PUBLISHED: "events/emails/published",
    EventEmailKind.DECLINED: "events/emails/declined",
}


def absolute_url(page, route_path=""):
    """The public address of ``page`` (plus a sub-route) on the site's configured base URL."""
    _site_id, _root_url, page_path = page.get_url_parts()
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{page_path}{route_path.lstrip('/')}"


def in_language(page, language):
    """``page`` in ``language`` when it is translated and live, else ``page``."""
    if page.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translated = page.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            return translated.specific
    return page


def build_message(email, token=None):
    """The email ``email`` (an ``EventEmail`` with its submission loaded); ``token`` gives it a confirmation link."""
    submission = email.submission
    language = submission.language
    with translation.override(language):
        index = in_language(EventIndexPage.objects.select_related("locale").get(pk=submission.index_page_id), language)
        index_url = absolute_url(index)
        event_url = ""
        if email.kind == EventEmailKind.PUBLISHED and submission.event_page_id:
            event_url = absolute_url(in_language(submission.event_page, language))
        context = {
            "language": language,
            "submission": submission,
            "name": submission.contact_name,
            "title": submission.title,
            "index_url": index_url,
            "event_url": event_url,
            "confirm_url": absolute_url(index, index.reverse_subpage("confirm", args=[token])) if token else "",
            "reason": submission.decline_reason,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
            "valid_days": tokens.valid_days(),
        }
        base = TEMPLATES[email.kind]
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    message = EmailMultiAlternatives(subject, text, from_address(language), [submission.contact_email])
    message.attach_alternative(html, "text/html")
    return message
