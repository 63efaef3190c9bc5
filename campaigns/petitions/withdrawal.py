"""Withdrawing a signature from the link in every petition email, without logging in.

The link carries a token signed with the site's secret key (Django's
``Signer``, its own salt) naming the signature and its petition. It is not
stored anywhere, so every email a signer ever got — the confirmation, an
"already signed" note — keeps a working link, and it does not expire: people
may want to withdraw long after signing. Rotating ``SECRET_KEY`` (keeping the
old one in ``SECRET_KEY_FALLBACKS`` for a while) eventually retires old links.

The page looks the same whatever the token: a GET shows a button and changes
nothing (mail scanners open links); the POST deletes the signature if the
token names one of this petition, lowers the count if it was counted, and
answers with the same "withdrawn" page whether or not anything was deleted.
"""

import re

from django.core import signing
from django.template.response import TemplateResponse

from campaigns.petitions.removal import delete_signature

WITHDRAW_SALT = "petitions.withdraw"
SAFE_METHODS = ("GET", "HEAD")


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


def withdraw_page(request, petition, token):
    """GET: the button. POST: withdraw if the token matches, and the same answer either way."""
    from campaigns.petitions.views import method_not_allowed, page_context

    if request.method in SAFE_METHODS:
        return TemplateResponse(request, "petitions/withdraw.html", page_context(request, petition, withdrawn=False))
    if request.method != "POST":
        return method_not_allowed(request, ["GET", "HEAD", "POST"], petition)
    signature_id = signature_id_from_token(token, petition.translation_key)
    if signature_id is not None:
        delete_signature(signature_id, petition_key=petition.translation_key)
    return TemplateResponse(request, "petitions/withdraw.html", page_context(request, petition, withdrawn=True))
