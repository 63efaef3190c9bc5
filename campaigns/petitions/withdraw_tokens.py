"""The token in every petition email's withdraw link: made when the email is built, checked when it is used.

Signed with the site's secret key (Django's ``Signer``, its own salt), naming the signature and its
petition; stored nowhere and never expiring (``withdrawal.py`` says why). The emails (``emails.py``)
and the withdrawal page (``withdrawal.py``) both use it; it imports neither.
"""

import re

from django.core import signing

WITHDRAW_SALT = "petitions.withdraw"


# Wagtail serves only path segments of letters, digits, "-" and "_": "<id>-<petition key>-<signature>".
TOKEN_PATTERN = re.compile(r"^(\d{1,18})-([0-9a-f]{32})-([A-Za-z0-9_-]{20,100})$")


def _signer():
    return signing.Signer(salt=WITHDRAW_SALT)


def withdraw_token(signature):
    """The token of ``signature``'s withdraw link: the same for every email to it."""
    value = f"{signature.pk}-{signature.petition_key.hex}"
    return f"{value}-{_signer().signature(value)}"


def signature_id_from_token(token, petition_key):
    """The signature id the token names, if it is genuine and belongs to this petition; otherwise None."""
    match = TOKEN_PATTERN.match(token or "")
    if match is None or match[2] != petition_key.hex:
        return None
    pk, key, signed = match.groups()
    try:
        _signer().unsign(f"{pk}-{key}{_signer().sep}{signed}")
    except signing.BadSignature:
        return None
    return int(pk)
