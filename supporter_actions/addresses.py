"""Supporters' email and network addresses in the one form that abuse rules compare.

Every public supporter action (a petition signature, a sign-on letter, the email list, an event
submission) stores an address to write to and a key that says which person it is. The two must
name the same mailbox: if ``ſue@victim.example.org`` were kept as typed but deduplicated as
``sue@victim.example.org``, an attacker could sign first with the look-alike, and the real Sue's
signature would become a "repeat" whose emails go to the attacker's address. So:

- ``canonical_email`` gives the address to store and send to. The part before the @ is kept as
  typed, except that it is refused when normalising would change it beyond ASCII case (NFKC or
  case folding turning ``ſ`` into ``s``, ``K`` into ``k``, full-width letters into ASCII ones),
  and it must be ASCII in any case: Django's mail backend cannot send to other local parts (no
  SMTPUTF8). The domain is stored in one form, IDNA (punycode) and lower case, so
  ``pc@exämple.org`` and ``pc@xn--exmple-cua.org`` are one mailbox and are written to as one.
  The encoding is the standard library's IDNA codec, the one Django's mail backend applies.
- ``email_key`` gives the key of the one-action-per-person rule: the canonical address with
  ASCII capitals lowered, a ``+tag`` sub-address removed, and, for Gmail (which ignores dots and
  answers to googlemail.com too), the dots removed. Each of these names the same mailbox, so
  every email still reaches the person the key stands for.
- ``rate_limit_network`` gives what a per-address rate limit counts: an IPv4 address, or the
  /64 network of an IPv6 one (a single home or phone is usually given a whole /64).

Nothing here knows about petitions; the messages are Django validation errors in the visitor's
language, so any form can use them.
"""

import ipaddress
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

MAX_EMAIL_LENGTH = 254

# Providers that deliver ``a.n.a@`` to ``ana@``; the key uses the first name of each group.
DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text):
    """``text`` with only A–Z lowered: the one case difference every mail server ignores."""
    return text.translate(_ASCII_LOWER)


def changes_under_normalisation(text):
    """True when NFKC or case folding would turn ``text`` into something other than its ASCII lower case."""
    return unicodedata.normalize("NFKC", text) != text or text.casefold() != ascii_lower(text)


def _refused_character(local):
    """The first character of the local part we will not store, or None."""
    if changes_under_normalisation(local):
        for character in local:
            if changes_under_normalisation(character):
                return character
    for character in local:
        if not character.isascii():
            return character
    return None


def _canonical_domain(domain):
    """The domain in IDNA form and lower case; raises ``ValueError`` (``UnicodeError``) when it has none."""
    encoded = domain.encode("idna").decode("ascii").lower()
    # Decoding and encoding again refuses "xn--" labels that are not valid punycode or not canonical.
    if encoded.encode("ascii").decode("idna").encode("idna").decode("ascii").lower() != encoded:
        raise ValueError("not a canonical IDNA domain")
    return encoded


def canonical_email(address):
    """The address to store and send to, or ``ValidationError`` (see the module docstring).

    Expects an address Django's ``EmailValidator`` accepts; anything else is refused too.
    """
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or local.startswith('"') or domain.startswith("["):
        raise ValidationError(EmailValidator.message, code="invalid")
    refused = _refused_character(local)
    if refused is not None:
        raise ValidationError(
            _(
                "The character “%(character)s” cannot be used in an email address here. "
                "Please type the address with ordinary letters."
            ),
            code="lookalike",
            params={"character": refused},
        )
    try:
        domain = _canonical_domain(domain)
    except ValueError:
        raise ValidationError(EmailValidator.message, code="invalid") from None
    canonical = f"{local}@{domain}"
    if len(canonical) > MAX_EMAIL_LENGTH:
        raise ValidationError(_("This email address is too long."), code="too_long")
    return canonical


def email_key(canonical):
    """The one-action-per-person key of a canonical address (see the module docstring)."""
    local, _at, domain = canonical.rpartition("@")
    local, domain = ascii_lower(local), domain.lower()
    plus = local.find("+", 1)
    if plus > 0:
        local = local[:plus]
    if domain in DOTLESS_DOMAINS:
        domain = DOTLESS_DOMAINS[domain]
        local = local.replace(".", "") or local
    return f"{local}@{domain}"


def rate_limit_network(ip):
    """What a per-address rate limit counts for ``ip``: IPv4 whole, IPv6 by its /64 ("" if not an address)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ""
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)
