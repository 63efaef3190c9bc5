"""Helpers for the email list's tests: lists, a sign-up through the real views, links read from the emails."""

import re

from django.core import mail

from email_list.models import MailingList
from supporter_actions.abuse import form_stamp
from tests.campaigns.petition_helpers import run_queued_tasks  # noqa: F401  (re-exported)

# English emails link /email-list/confirm/…, Spanish ones /es/lista-de-correo/confirmar/… (email_list/urls.py).
CONFIRM_LINK = re.compile(r"https?://[^\s\"<>]+/(?:email-list/confirm|es/lista-de-correo/confirmar)/[A-Za-z0-9_-]+/")
PREFERENCES_LINK = re.compile(
    r"https?://[^\s\"<>]+/(?:email-list/preferences|es/lista-de-correo/preferencias)/[0-9]+-[A-Za-z0-9_-]+/"
)
# The sign-up page's address in each language prefix.
SIGNUP_PATHS = {"": "/email-list/", "/es": "/es/lista-de-correo/"}


def make_lists():
    """The three lists of the demo content (already in the test database; made if a test removed them)."""
    from email_list.demo_content import build_lists

    return build_lists()


def signup_data(**overrides):
    data = {"email": "ana@example.org", "first_name": "Ana", "language": "en", "website": "",
            "started": form_stamp(), "source": "/about/", "source_form": "footer"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_up(client, lists, prefix="", **overrides):
    data = signup_data(**overrides)
    data["lists"] = [str(item.pk) for item in lists]
    return client.post(SIGNUP_PATHS[prefix], data)


def links_in(pattern, to=None):
    found = []
    for message in mail.outbox:
        if to is None or message.to == [to]:
            found.extend(pattern.findall(message.body))
    return found


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def make_subscribers(mailing_list, count, language="en", start=0, prefix="reader"):
    """``count`` confirmed subscribers of ``mailing_list`` (written directly, as confirmed sign-ups leave them)."""
    from email_list.models import Subscriber, Subscription

    subscribers = Subscriber.objects.bulk_create([
        Subscriber(email=f"{prefix}{number}@example.org", email_key=f"{prefix}{number}@example.org", language=language)
        for number in range(start, start + count)
    ])
    Subscription.objects.bulk_create([Subscription(subscriber=item, mailing_list=mailing_list) for item in subscribers])
    return [item.email for item in subscribers]


def make_digest(mailing_list, language="en", **fields):
    import datetime

    from email_list.models import Digest, DigestItem

    defaults = {"period_start": datetime.date(2026, 10, 1), "period_end": datetime.date(2026, 10, 31),
                "subject": "Network News, October 2026", "intro": "Dear friends,\n\nWhat a month."}
    defaults.update(fields)
    digest = Digest.objects.create(mailing_list=mailing_list, language=language, **defaults)
    DigestItem.objects.create(digest=digest, kind="post", title="A post about sanctuary", summary="Why it matters.",
                              url="https://nnirr.example.org/blog/sanctuary/", sort_order=0)
    DigestItem.objects.create(digest=digest, kind="resource", title="A left-out report", url="https://nnirr.example.org/r/",
                              include=False, sort_order=1)
    return digest
