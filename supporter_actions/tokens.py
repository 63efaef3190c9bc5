"""Confirmation tokens: 256 random bits in the email link, only their SHA-256 hash in the database.

Every supporter action with double opt-in (a petition signature, a sign-on endorsement, a list
subscription) confirms through one of these links, so their lifetime (``SUPPORTER_TOKEN_DAYS``)
and their checks are the same everywhere. A leaked database holds no working links, and a
token is checked with ``hmac.compare_digest`` so the comparison takes the same time whatever
matches.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

# Long enough for ``secrets.token_urlsafe(32)`` (43 characters); anything longer is not ours.
MAX_TOKEN_LENGTH = 64


def valid_days():
    """How many days a confirmation link works (``SUPPORTER_TOKEN_DAYS``); emails and pages say so."""
    return settings.SUPPORTER_TOKEN_DAYS


def validity():
    """How long a confirmation link works, as a ``timedelta``."""
    return timedelta(days=valid_days())


def new_token():
    """Return ``(token, token_hash, expires_at)`` for a fresh link."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token), timezone.now() + validity()


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def looks_valid(token):
    """Cheap shape check before touching the database: URL-safe base64 of the right length."""
    return 20 <= len(token) <= MAX_TOKEN_LENGTH and all(c.isascii() and (c.isalnum() or c in "-_") for c in token)


def token_matches(token, stored_hash, expires_at, now=None):
    """True when ``token`` hashes to ``stored_hash`` (constant-time) and has not expired."""
    if not stored_hash or expires_at is None:
        return False
    if expires_at <= (now or timezone.now()):
        return False
    return hmac.compare_digest(hash_token(token), stored_hash)
