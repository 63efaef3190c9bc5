"""The rules of signing a letter: storing a sign-on, confirming it, finding duplicates, counting.

A sign-on (an organization's endorsement or an individual's signature) is stored with its
confirmation email in one transaction: the form stamp's nonce is used up first (a stamp used
before stores nothing), the per-address rate limit counts this letter's recent rows with the
same address hash within the core's window and flags, rather than refuses, what goes over it
(a flagged row gets no email, so a flood cannot turn our server into a mail cannon), and the
email task is queued with the default connection, so it commits or rolls back with the row.

Organizations: the same contact sending the same organization again gets an "already signed"
email, not a second row. Confirmation moves an endorsement to ``pending`` (staff verify it) or,
when an earlier confirmed endorsement of the same letter has the same normalized name or website
domain, to ``duplicate``, held for staff and never listed. Confirmations of one letter take a
transaction-level advisory lock, so two copies confirmed at the same moment cannot both pass as
the first.

Individuals: one per email key and letter (a unique constraint); a repeat gets an "already
signed" email. A confirmed, unflagged individual is counted.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone, translation

from campaigns.letters.models import (
    MAX_EMAILS_PER_SIGNER,
    Endorsement,
    EndorsementStatus,
    IndividualSigner,
    LetterEmail,
    LetterEmailKind,
)
from campaigns.letters.tasks import send_letter_email
from supporter_actions import news_opt_in, tokens
from supporter_actions.abuse import rate_limit_window, use_form_stamp
from supporter_actions.addresses import canonical_email, email_key

# Bumped when the consent wording of the sign-on forms changes; each row stores the version it was shown.
CONSENT_VERSION = "2026-11"


class Outcome:
    """What happened to a submission; the visitor sees the same thank-you page for all of them."""

    NEW = "new"
    REPEAT = "repeat"
    RATE_LIMITED = "rate_limited"
    BOT = "bot"


# --- Normalizing what duplicates are compared on -----------------------------------------------

_LEADING_THE = re.compile(r"^the\s+")


def normalize_name(name):
    """An organization's name for duplicate detection: case folded, no punctuation, single spaces, no leading "the".

    "The Immigrant Rights Coalition, Inc." and "immigrant-rights coalition inc" have one key.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    text = " ".join(text.split())
    return _LEADING_THE.sub("", text)[:200]


def website_domain(url):
    """The host of ``url`` in lower case, IDNA form, without "www." and a trailing dot ("" when there is none)."""
    if not url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
        host = host.rstrip(".").encode("idna").decode("ascii").lower()
    except (ValueError, UnicodeError):
        return ""
    if host.startswith("www."):
        host = host[4:]
    return host[:255]


# --- Storing a sign-on --------------------------------------------------------------------------


@dataclass
class EndorsementData:
    """The cleaned fields of one organization's sign-on."""

    organization_name: str
    kind: str
    contact_name: str
    contact_email: str
    consent_text: str
    city: str = ""
    state: str = ""
    country: str = "US"
    website: str = ""
    contact_title: str = ""
    contact_phone: str = ""
    logo_id: int | None = None
    opt_in_news: bool = False


@dataclass
class IndividualData:
    """The cleaned fields of one person's signature."""

    first_name: str
    last_name: str
    email: str
    city: str = ""
    state: str = ""
    opt_in_news: bool = False


def _rate_limited(model, letter_key, ip_hash, now):
    limit = getattr(settings, "SUPPORTER_RATE_LIMIT", 5)
    if limit <= 0 or not ip_hash:
        return False
    recent = model.objects.filter(letter_key=letter_key, ip_hash=ip_hash, created_at__gte=now - rate_limit_window())
    return recent.count() >= limit


def _use_stamp(stamp_nonce, now):
    """Use up the form stamp in the current transaction; None (staff, scripts) uses nothing."""
    return stamp_nonce is None or use_form_stamp(stamp_nonce, now)


def record_endorsement(letter, data, language, ip_hash="", stamp_nonce=None, save_logo=None):
    """Store an organization's sign-on and queue its confirmation email, in one transaction; return an ``Outcome``.

    ``save_logo`` (optional) stores the uploaded logo and returns its image id; it is called only
    when a new row is stored, so a bot's or a repeat's upload is never kept.
    """
    now = timezone.now()
    contact_email = canonical_email(data.contact_email)
    with transaction.atomic():
        if not _use_stamp(stamp_nonce, now):
            return Outcome.BOT
        name_key = normalize_name(data.organization_name)
        contact_key = email_key(contact_email)
        earlier = (
            Endorsement.objects.filter(letter_key=letter.translation_key, contact_email_key=contact_key, name_key=name_key)
            .exclude(status=EndorsementStatus.REJECTED)
            .order_by("created_at")
            .only("pk")
            .first()
        )
        if earlier is not None:
            queue_email(earlier, LetterEmailKind.ALREADY_SIGNED)
            return Outcome.REPEAT
        flagged = _rate_limited(Endorsement, letter.translation_key, ip_hash, now)
        if save_logo is not None:
            data.logo_id = save_logo()
        endorsement = Endorsement.objects.create(
            letter=letter,
            letter_key=letter.translation_key,
            organization_name=data.organization_name,
            name_key=name_key,
            kind=data.kind,
            city=data.city,
            state=data.state,
            country=data.country,
            website=data.website,
            website_domain=website_domain(data.website),
            logo_id=data.logo_id,
            contact_name=data.contact_name,
            contact_title=data.contact_title,
            contact_email=contact_email,
            contact_email_key=contact_key,
            contact_phone=data.contact_phone,
            authorized=True,
            consent_text=data.consent_text,
            consent_version=CONSENT_VERSION,
            opt_in_news=data.opt_in_news,
            language=language,
            ip_hash=ip_hash,
            flagged=flagged,
            created_at=now,
        )
        if flagged:
            return Outcome.RATE_LIMITED
        queue_email(endorsement, LetterEmailKind.CONFIRM)
        return Outcome.NEW


def record_individual(letter, data, language, ip_hash="", stamp_nonce=None):
    """Store a person's signature (one per email key and letter) and queue its email; return an ``Outcome``."""
    now = timezone.now()
    email = canonical_email(data.email)
    key = email_key(email)
    with transaction.atomic():
        if not _use_stamp(stamp_nonce, now):
            return Outcome.BOT
        flagged = _rate_limited(IndividualSigner, letter.translation_key, ip_hash, now)
        try:
            with transaction.atomic():
                signer = IndividualSigner.objects.create(
                    letter=letter,
                    letter_key=letter.translation_key,
                    first_name=data.first_name,
                    last_name=data.last_name,
                    city=data.city,
                    state=data.state,
                    email=email,
                    email_key=key,
                    language=language,
                    ip_hash=ip_hash,
                    flagged=flagged,
                    consent_version=CONSENT_VERSION,
                    opt_in_news=data.opt_in_news,
                    created_at=now,
                )
        except IntegrityError:
            existing = IndividualSigner.objects.filter(letter_key=letter.translation_key, email_key=key).first()
            if existing is not None:
                queue_email(existing, LetterEmailKind.ALREADY_SIGNED)
            return Outcome.REPEAT
        if flagged:
            return Outcome.RATE_LIMITED
        queue_email(signer, LetterEmailKind.CONFIRM)
        return Outcome.NEW


def queue_email(recipient, kind):
    """Queue one email to an endorsement's contact or an individual unless they have had their five.

    Call inside a transaction: the email row, the count and the task commit together.
    """
    model = type(recipient)
    allowed = model.objects.filter(pk=recipient.pk, emails_count__lt=MAX_EMAILS_PER_SIGNER).update(
        emails_count=F("emails_count") + 1
    )
    if not allowed:
        return None
    if isinstance(recipient, Endorsement):
        email = LetterEmail.objects.create(endorsement_id=recipient.pk, kind=kind)
    else:
        email = LetterEmail.objects.create(individual_id=recipient.pk, kind=kind)
    send_letter_email.enqueue(email.pk)
    return email


# --- Confirming ---------------------------------------------------------------------------------


class ConfirmResult:
    CONFIRMED = "confirmed"
    INVALID = "invalid"


def _unconfirmed(model, letter, token, for_update=False):
    """The unconfirmed row of ``model`` this link belongs to, if the token is well formed, matches and is current."""
    if not tokens.looks_valid(token):
        return None
    rows = model.objects.filter(
        letter_key=letter.translation_key, token_hash=tokens.hash_token(token), confirmed_at__isnull=True
    )
    if for_update:
        rows = rows.select_for_update()
    row = rows.first()
    if row is None or not tokens.token_matches(token, row.token_hash, row.token_expires_at):
        return None
    return row


def find_for_token(letter, token):
    """The endorsement or individual behind a confirmation link, or None (no lock; for the GET page)."""
    return _unconfirmed(Endorsement, letter, token) or _unconfirmed(IndividualSigner, letter, token)


def find_duplicate(endorsement):
    """An earlier confirmed endorsement of the same letter with the same name key or website domain, or None."""
    same = Q(name_key=endorsement.name_key)
    if endorsement.website_domain:
        same |= Q(website_domain=endorsement.website_domain)
    return (
        Endorsement.objects.filter(same, letter_key=endorsement.letter_key)
        .filter(status__in=[EndorsementStatus.PENDING, EndorsementStatus.VERIFIED, EndorsementStatus.REJECTED])
        .exclude(pk=endorsement.pk)
        .order_by("confirmed_at", "pk")
        .only("pk")
        .first()
    )


def _lock_letter(letter_key):
    """Serialize duplicate checks of one letter until the transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"letters:{letter_key}"])


def confirm(letter, token):
    """Confirm the endorsement or individual behind ``token`` once. Returns a ``ConfirmResult``."""
    now = timezone.now()
    with transaction.atomic():
        endorsement = _unconfirmed(Endorsement, letter, token, for_update=True)
        if endorsement is not None:
            _lock_letter(letter.translation_key)
            duplicate = find_duplicate(endorsement)
            endorsement.status = EndorsementStatus.DUPLICATE if duplicate else EndorsementStatus.PENDING
            endorsement.duplicate_of = duplicate
            endorsement.confirmed_at = now
            endorsement.token_hash = ""
            endorsement.token_expires_at = None
            endorsement.save(
                update_fields=["status", "duplicate_of", "confirmed_at", "token_hash", "token_expires_at"]
            )
            if endorsement.opt_in_news:
                _announce_news_opt_in(letter, endorsement.contact_email, endorsement.contact_name,
                                      endorsement.language)
            return ConfirmResult.CONFIRMED
        signer = _unconfirmed(IndividualSigner, letter, token, for_update=True)
        if signer is not None:
            IndividualSigner.objects.filter(pk=signer.pk).update(
                confirmed_at=now, token_hash="", token_expires_at=None
            )
            if signer.opt_in_news:
                _announce_news_opt_in(letter, signer.email, signer.first_name, signer.language)
            return ConfirmResult.CONFIRMED
    return ConfirmResult.INVALID


def _announce_news_opt_in(letter, email, name, language):
    """A signer who ticked "send me news" is asked, by the email list's own confirmation, to join it.

    Called inside the confirming transaction, once: a used link finds no unconfirmed row.
    """
    with translation.override(language):
        wording = translation.gettext("Send me news from the network by email.")
    first_name = name.split()[0] if name.split() else ""
    news_opt_in.announce(email, first_name, language, letter.url or "", "sign-on letter", wording)


# --- Counting and listing -----------------------------------------------------------------------


@dataclass
class LetterCounts:
    organizations: int
    individuals: int
    goal: int


def letter_counts(letter):
    """Verified organizations and confirmed, unflagged individuals of the letter in all its languages."""
    organizations = Endorsement.objects.filter(
        letter_key=letter.translation_key, status=EndorsementStatus.VERIFIED
    ).count()
    individuals = 0
    if letter.allow_individuals:
        individuals = IndividualSigner.objects.filter(
            letter_key=letter.translation_key, confirmed_at__isnull=False, flagged=False
        ).count()
    return LetterCounts(organizations=organizations, individuals=individuals, goal=letter.organization_goal)


def listed_states(letter):
    """The states (or regions) of verified organizations with how many each, for the filter."""
    return list(
        Endorsement.objects.filter(letter_key=letter.translation_key, status=EndorsementStatus.VERIFIED)
        .exclude(state="")
        .values_list("state")
        .annotate(n=Count("pk"))
        .order_by("state")
    )
