"""Abuse checks every public supporter form shares: who is asking, and a single-use form stamp.

Who is asking: ``client_ip`` reads the client's address (from ``X-Forwarded-For`` only behind
``SUPPORTER_TRUSTED_PROXIES`` trusted proxies), and ``hash_ip`` turns what a rate limit counts
(an IPv4 address, an IPv6 /64; see ``supporter_actions.addresses.rate_limit_network``) into a
keyed HMAC, the only form in which an address is stored. An action counts its own recent rows
with the same ``ip_hash`` within ``rate_limit_window()`` and flags, rather than refuses, what
goes over its limit, so the visitor learns nothing.

The form stamp: each form carries a signed start time and a random nonce. A submission faster
than ``SUPPORTER_MIN_FILL_SECONDS`` is a bot; the nonce is used up (a ``UsedFormStamp`` row,
``ON CONFLICT DO NOTHING``) by the submission, in the statement that stores it where the action
can, so across every process one stamp stores at most one submission. A stamp older than
``SUPPORTER_FORM_STAMP_MAX_AGE`` is expired (the visitor is asked to send the form again), which
is also how long used nonces are kept.

The settings keep the names they had when petitions were the only action; they govern every
public form.
"""

import hashlib
import hmac
import ipaddress
import random
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import connection
from django.utils import timezone

from supporter_actions.addresses import rate_limit_network
from supporter_actions.models import UsedFormStamp

FORM_STAMP_SALT = "supporter_actions.form-started"


# --- Who is asking: client address and its keyed hash -------------------------------------------


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the right entry of X-Forwarded-For behind trusted proxies."""
    proxies = getattr(settings, "SUPPORTER_TRUSTED_PROXIES", 0)
    address = request.META.get("REMOTE_ADDR", "")
    if proxies:
        hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


def ip_hash_key():
    """The HMAC key of stored addresses: ``SUPPORTER_IP_HASH_KEY``, or one derived from ``SECRET_KEY``."""
    key = getattr(settings, "SUPPORTER_IP_HASH_KEY", "")
    if key:
        return key.encode()
    # The derivation's label predates the core; changing it would change every stored hash.
    return hashlib.sha256(b"nnirr.petitions.ip-hash:" + settings.SECRET_KEY.encode()).digest()


def hash_ip(address):
    """HMAC-SHA256 of what the rate limit counts (IPv4 address, IPv6 /64) with a secret key; never stored raw."""
    network = rate_limit_network(address)
    if not network:
        return ""
    return hmac.new(ip_hash_key(), network.encode(), hashlib.sha256).hexdigest()


def rate_limit_window():
    """How far back a per-address rate limit counts (``SUPPORTER_RATE_LIMIT_WINDOW`` seconds)."""
    return timedelta(seconds=getattr(settings, "SUPPORTER_RATE_LIMIT_WINDOW", 300))


# --- The form stamp: minimum fill time, one submission per stamp -------------------------------


def form_stamp_max_age():
    return timedelta(seconds=settings.SUPPORTER_FORM_STAMP_MAX_AGE)


@dataclass(frozen=True)
class FormStamp:
    """What a valid stamp says: when the form was shown (a POSIX time) and its one-use nonce."""

    started: float
    nonce: str  # empty in a stamp from before stamps were single-use

    def too_fast(self, now=None):
        elapsed = (now or timezone.now()).timestamp() - self.started
        return elapsed < getattr(settings, "SUPPORTER_MIN_FILL_SECONDS", 3)

    def expired(self, now=None):
        """Too old to accept (its nonce may be purged already), or without a nonce."""
        elapsed = (now or timezone.now()).timestamp() - self.started
        return not self.nonce or elapsed > form_stamp_max_age().total_seconds()

    def renewed(self):
        """A stamp with the same start time and a new nonce, for a form shown again with errors.

        Keeping the start time means a visitor who only ticks a forgotten box is not "too fast".
        """
        return _dump_stamp(self.started)


def _dump_stamp(started):
    return signing.dumps([round(started, 3), secrets.token_urlsafe(16)], salt=FORM_STAMP_SALT, compress=False)


def form_stamp(now=None):
    """A signed start time and a fresh nonce for the form's hidden field (see the module docstring)."""
    return _dump_stamp((now or timezone.now()).timestamp())


def read_form_stamp(value):
    """The ``FormStamp`` in the hidden field's ``value``, or None when it is missing or forged."""
    try:
        payload = signing.loads(value or "", salt=FORM_STAMP_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if isinstance(payload, (int, float)) and not isinstance(payload, bool):
        return FormStamp(float(payload), "")
    if (
        isinstance(payload, list)
        and len(payload) == 2
        and isinstance(payload[0], (int, float))
        and isinstance(payload[1], str)
        and 0 < len(payload[1]) <= UsedFormStamp._meta.get_field("nonce").max_length
    ):
        return FormStamp(float(payload[0]), payload[1])
    return None


USE_STAMP = (
    f"INSERT INTO {UsedFormStamp._meta.db_table} (nonce, created_at) VALUES (%s, %s) "
    "ON CONFLICT (nonce) DO NOTHING RETURNING nonce"
)


def use_form_stamp(nonce, now=None):
    """Use up ``nonce`` for a submission that stores nothing (a form with errors); False if it was used before."""
    with connection.cursor() as cursor:
        cursor.execute(USE_STAMP, [nonce, now or timezone.now()])
        return cursor.fetchone() is not None


def purge_used_form_stamps(now=None):
    """Forget used nonces older than a stamp's maximum age (their stamps are refused as expired); return how many."""
    cutoff = (now or timezone.now()) - form_stamp_max_age()
    deleted, _ = UsedFormStamp.objects.filter(created_at__lt=cutoff).delete()
    return deleted


# Used nonces are purged by about one submission in this many, so no scheduler is needed for it.
PURGE_STAMPS_EVERY = 500


def purge_used_form_stamps_now_and_then():
    if random.randrange(PURGE_STAMPS_EVERY) == 0:
        purge_used_form_stamps()
