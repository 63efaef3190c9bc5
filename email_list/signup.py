"""The rules of the list: asking to subscribe, confirming, changing preferences, leaving, bounces.

Every change a subscriber (or staff) makes to their subscriptions writes a ``ConsentRecord`` in
the same transaction, and only a real change does: a second one-click POST, a second press of a
used confirmation link, or a preferences form sent unchanged writes nothing and answers the same.

Asking to subscribe stores a ``SignupRequest`` and queues one email in one transaction (the
task row is written with the default connection, so it commits or rolls back with the request):
a confirmation link when any list asked for is new to this person, or an "already subscribed"
note with the preferences link when they are on all of them. The visitor sees the same page
either way. Nothing else is ever sent before the link's POST confirms; a person is put on a
list only by that POST (or by the signed preferences page, which proves the same mailbox).
The name and language given in the form are taken only at confirmation, so nobody can change
someone else's name or language by typing their address.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from email_list import consent
from email_list.models import ListEmail, ListEmailKind, MailingList, SignupRequest, Subscriber, SubscriptionStatus
from email_list.tasks import send_list_email
from supporter_actions import tokens
from supporter_actions.abuse import rate_limit_window, use_form_stamp
from supporter_actions.addresses import canonical_email, email_key

# At most this many sign-up emails go to one address a day, whatever the forms receive.
MAX_EMAILS_PER_DAY = 3


def consent_wording():
    """The consent wording shown beside every sign-up button, in the active language; stored as shown."""
    return gettext(
        "By signing up you agree that NNIRR emails you the lists you chose. We send nothing until you confirm "
        "with the link we email you. Every email has a link to leave at once, and we never share or sell "
        "your address."
    )


class Outcome:
    """What happened to a sign-up; the visitor sees the same page for every one."""

    CONFIRM_SENT = "confirm"
    ALREADY = "already"
    QUIET = "quiet"  # too many emails to this address today
    RATE_LIMITED = "rate_limited"
    BOT = "bot"


@dataclass
class SignupData:
    email: str
    language: str
    lists: list = field(default_factory=list)
    first_name: str = ""
    source_url: str = ""
    source_form: str = "sign-up page"


def _subscriber_for(address):
    """The subscriber with this address's key, created if new; locked for this transaction."""
    key = email_key(address)
    subscriber = Subscriber.objects.select_for_update().filter(email_key=key).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=address, email_key=key)
    except IntegrityError:  # created by a simultaneous sign-up
        return Subscriber.objects.select_for_update().get(email_key=key)


def _rate_limited(ip_hash, now):
    limit = getattr(settings, "SUPPORTER_RATE_LIMIT", 5)
    if limit <= 0 or not ip_hash:
        return False
    return SignupRequest.objects.filter(ip_hash=ip_hash, created_at__gte=now - rate_limit_window()).count() >= limit


def record_signup(data, ip_hash="", stamp_nonce=None, wording=None):
    """Store a sign-up request and queue its one email; return an ``Outcome`` (see the module docstring)."""
    now = timezone.now()
    address = canonical_email(data.email)
    list_ids = sorted({mailing_list.pk for mailing_list in data.lists})
    with transaction.atomic():
        if stamp_nonce is not None and not use_form_stamp(stamp_nonce, now):
            return Outcome.BOT
        flagged = _rate_limited(ip_hash, now)
        subscriber = _subscriber_for(address)
        request = SignupRequest.objects.create(
            subscriber=subscriber,
            list_ids=list_ids,
            first_name=data.first_name[:100],
            language=data.language,
            source_url=data.source_url[:500],
            source_form=data.source_form[:40],
            wording=wording if wording is not None else consent_wording(),
            wording_version=consent.WORDING_VERSION,
            created_at=now,
            ip_hash=ip_hash,
            flagged=flagged,
        )
        if flagged:
            return Outcome.RATE_LIMITED
        recent = ListEmail.objects.filter(request__subscriber=subscriber, created_at__gte=now - timedelta(days=1))
        if recent.count() >= MAX_EMAILS_PER_DAY:
            return Outcome.QUIET
        active = set(
            subscriber.subscriptions.filter(status=SubscriptionStatus.ACTIVE).values_list("mailing_list_id", flat=True)
        )
        already = set(list_ids) <= active and subscriber.can_receive
        email = ListEmail.objects.create(
            request=request, kind=ListEmailKind.ALREADY_SUBSCRIBED if already else ListEmailKind.CONFIRM
        )
        send_list_email.enqueue(email.pk)
        return Outcome.ALREADY if already else Outcome.CONFIRM_SENT


def request_for_token(token, lock=False):
    """The sign-up request a confirmation link names (unexpired), or None."""
    if not tokens.looks_valid(token):
        return None
    requests = SignupRequest.objects.select_related("subscriber")
    if lock:
        requests = requests.select_for_update(of=("self",))
    request = requests.filter(token_hash=tokens.hash_token(token)).first()
    if request is None or not tokens.token_matches(token, request.token_hash, request.token_expires_at):
        return None
    return request


def confirm(token):
    """Confirm the sign-up a link names (POST only); return its request, or None when the link does not work.

    A link pressed again answers as the first time and changes nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        request = request_for_token(token, lock=True)
        if request is None:
            return None
        if request.confirmed_at is not None:
            return request
        subscriber = Subscriber.objects.select_for_update().get(pk=request.subscriber_id)
        method = consent.METHOD_CONFIRM_LINK
        fields = {
            "source_url": request.source_url,
            "source_form": request.source_form,
            "wording": request.wording,
            "wording_version": request.wording_version,
            "detail": f"asked {request.created_at:%Y-%m-%d %H:%M:%S %Z}",
        }
        consent.clear_bounce(subscriber, now, method)
        consent.set_language(subscriber, request.language, now, method, **fields)
        if request.first_name and request.first_name != subscriber.first_name:
            Subscriber.objects.filter(pk=subscriber.pk).update(first_name=request.first_name)
        for mailing_list in MailingList.objects.filter(pk__in=request.list_ids):
            consent.subscribe(subscriber, mailing_list, now, method, language=request.language, **fields)
        SignupRequest.objects.filter(pk=request.pk).update(confirmed_at=now)
        request.confirmed_at = now
        return request


