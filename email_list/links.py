"""Signed links in list emails: the preferences page and one-click unsubscribe.

A link carries the subscriber's id and an HMAC (Django's ``Signer``, keyed by ``SECRET_KEY``)
of the id and the subscriber's ``link_secret``. Nothing is stored per link and links do not
expire (an unsubscribe link in a two-year-old digest must still work); replacing a
subscriber's ``link_secret`` voids every link they were sent.
"""

import hmac

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "email_list.preferences"


def token_for(subscriber):
    """``<id>-<signature>``: URL-safe, no expiry (see the module docstring)."""
    return f"{subscriber.pk}-{_signature(subscriber.pk, subscriber.link_secret)}"


def _signature(pk, secret):
    return signing.Signer(salt=SALT).signature(f"{pk}.{secret}")


def subscriber_for(token):
    """The subscriber a token names, or None (bad shape, unknown id, wrong signature)."""
    from email_list.models import Subscriber

    pk, dash, signature = (token or "").partition("-")
    if not dash or not pk.isdigit() or len(pk) > 18 or not signature or len(signature) > 100:
        return None
    subscriber = Subscriber.objects.filter(pk=int(pk)).first()
    if subscriber is None:
        return None
    if not hmac.compare_digest(_signature(subscriber.pk, subscriber.link_secret), signature):
        return None
    return subscriber


def absolute(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def preferences_url(subscriber, language=None):
    with translation.override(language or subscriber.language):
        return absolute(reverse("email_list:preferences", args=[token_for(subscriber)]))


def unsubscribe_url(subscriber, mailing_list, language=None):
    with translation.override(language or subscriber.language):
        return absolute(reverse("email_list:unsubscribe", args=[token_for(subscriber), mailing_list.pk]))
