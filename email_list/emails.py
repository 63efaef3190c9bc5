"""The sign-up emails (confirmation link, "already subscribed"), in the language asked for.

Plain text and HTML from ``email_list/templates/email_list/emails/``; absolute links are built on
the site's configured address (``WAGTAILADMIN_BASE_URL``), never on a request.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from email_list import links
from email_list.models import ListEmailKind, MailingList
from supporter_actions import tokens
from supporter_actions.senders import from_address

TEMPLATES = {
    ListEmailKind.CONFIRM: "email_list/emails/confirm",
    ListEmailKind.ALREADY_SUBSCRIBED: "email_list/emails/already",
}


def postal_address():
    """The network's postal address for email footers: the site settings' mailing address, else the setting."""
    from wagtail.models import Site

    from nnirr_site.core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    address = SiteSettings.for_site(site).mailing_address if site else ""
    return " · ".join(line.strip() for line in (address or settings.EMAIL_LIST_POSTAL_ADDRESS).splitlines() if line.strip())


def build_message(email, token=None):
    """The ``ListEmail`` ``email`` (request and subscriber loaded); ``token`` gives it a confirmation link."""
    request = email.request
    subscriber = request.subscriber
    language = request.language
    with translation.override(language):
        lists = [item.name_in(language) for item in MailingList.objects.filter(pk__in=request.list_ids)]
        context = {
            "language": language,
            "first_name": request.first_name,
            "lists": lists,
            "confirm_url": links.absolute(reverse("email_list:confirm", args=[token])) if token else "",
            "preferences_url": links.preferences_url(subscriber, language),
            "valid_days": tokens.valid_days(),
            "postal_address": postal_address(),
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
        }
        base = TEMPLATES[email.kind]
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    message = EmailMultiAlternatives(subject, text, from_address(language), [subscriber.email])
    message.attach_alternative(html, "text/html")
    return message
