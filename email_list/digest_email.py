"""The digest email: rendered once per digest, then given each recipient's own links.

Plain text plus simple accessible HTML (``lang``, headings, real links, no images, no tracking
pixel, no click-tracking redirects), with the postal address and the unsubscribe link in the
footer, in the digest's language. Rendering the templates for each of 20,000 recipients would
cost more than sending; the two per-recipient links are put in by string replacement of
placeholders instead (``DigestTemplate.message_for``).

Every digest email carries ``List-Unsubscribe`` (the one-click address, which also works as a
page) and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058), and ``List-Id``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from email_list import links
from email_list.emails import postal_address
from supporter_actions.senders import from_address

UNSUBSCRIBE_SLOT = "https://unsubscribe.invalid/slot-7c1e"
PREFERENCES_SLOT = "https://preferences.invalid/slot-7c1e"


def archive_url(digest):
    with translation.override(digest.language):
        return links.absolute(reverse("email_list:archive_detail", args=[digest.pk]))


def context_for(digest, for_web=False):
    mailing_list = digest.mailing_list
    return {
        "digest": digest,
        "language": digest.language,
        "list_name": mailing_list.name_in(digest.language),
        "items": digest.included_items(),
        "intro_paragraphs": [part.strip() for part in digest.intro.split("\n\n") if part.strip()],
        "archive_url": archive_url(digest),
        "unsubscribe_url": "" if for_web else UNSUBSCRIBE_SLOT,
        "preferences_url": "" if for_web else PREFERENCES_SLOT,
        "postal_address": postal_address(),
        "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
        "for_web": for_web,
    }


def list_id(mailing_list):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL or "http://localhost").hostname or "localhost"
    return f"<list-{mailing_list.pk}.{host}>"


class DigestTemplate:
    """A digest rendered once in its language; ``message_for(subscriber)`` makes one recipient's email."""

    def __init__(self, digest):
        self.digest = digest
        with translation.override(digest.language):
            context = context_for(digest)
            self.subject = " ".join(digest.subject.split())
            self.text = render_to_string("email_list/emails/digest.txt", context)
            self.html = render_to_string("email_list/emails/digest.html", context)
        self.list_id = list_id(digest.mailing_list)

    def message_for(self, subscriber):
        unsubscribe = links.unsubscribe_url(subscriber, self.digest.mailing_list, self.digest.language)
        preferences = links.preferences_url(subscriber, self.digest.language)

        def fill(body):
            return body.replace(UNSUBSCRIBE_SLOT, unsubscribe).replace(PREFERENCES_SLOT, preferences)

        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": self.list_id,
        }
        message = EmailMultiAlternatives(
            self.subject, fill(self.text), from_address(self.digest.language), [subscriber.email], headers=headers
        )
        message.attach_alternative(fill(self.html), "text/html")
        return message


def web_html(digest):
    """The archive's copy: the same content with no personal links."""
    with translation.override(digest.language):
        return render_to_string("email_list/includes/digest_body.html", context_for(digest, for_web=True))
