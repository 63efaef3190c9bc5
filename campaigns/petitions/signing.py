"""The rules of signing: storing a signature, confirming it and keeping the counts exact.

Counting: each petition (with its translations) has a tally of ``TALLY_SHARDS``
rows whose sum is the count. A signature becomes counted exactly once — when
it is confirmed, or when it is stored if the petition counts without
confirmation — and in that same transaction one shard, picked at random, is
incremented with an ``UPDATE ... SET counted = counted + 1`` upsert. Confirmation locks the signature row
(``select_for_update``) and only proceeds while ``confirmed_at`` is empty, so
two simultaneous confirmations count once. Duplicate emails are stopped by the
database's unique constraint (``INSERT ... ON CONFLICT DO NOTHING``), so
simultaneous signatures from the same address leave one row and raise no error. ``recount_signatures``
compares each tally with ``COUNT(*)`` of counted rows and repairs drift.

One signature per person: the constraint is on ``email_normalized``, the key
``addresses.email_key`` derives from the address stored in ``email`` (see
``supporter_actions.addresses`` for why the two must name one mailbox).

Form stamps (``supporter_actions.abuse``): the nonce of the signing form's
stamp is used up (a ``UsedFormStamp`` row, ``ON CONFLICT DO NOTHING``) in the
statement that stores the signature, so across every process one stamp stores
at most one signature. The rate limit counts this petition's rows with the
same address hash within the core's window and flags what goes over it.

Emails are queued in the same transaction as the signature: the django-tasks
database backend writes its task row with the default connection, so the task
commits (or rolls back) together with the signature.
"""

import random
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Sum
from django.utils import timezone, translation

from campaigns.petitions.models import (
    MAX_EMAILS_PER_SIGNATURE,
    EmailKind,
    FlagReason,
    Signature,
    SignatureEmail,
    TALLY_SHARDS,
    TallyShard,
)
from campaigns.petitions.tasks import send_signature_email
from nnirr_site.background.queue_sql import QueuedTask
from supporter_actions import tokens
from supporter_actions import news_opt_in
from supporter_actions.abuse import rate_limit_window
from supporter_actions.addresses import canonical_email, email_key
from supporter_actions.models import UsedFormStamp
from supporter_actions.page_routes import answers


class Outcome:
    """What happened to a submission; the visitor sees the same thank-you page for all of them."""

    NEW = "new"
    REPEAT = "repeat"
    RATE_LIMITED = "rate_limited"
    BOT = "bot"


def normalize_email(email):
    """The key the one-signature-per-person rule compares; ``ValidationError`` for an address we refuse."""
    return email_key(canonical_email(email))


# --- Storing a signature ------------------------------------------------------------------------


@dataclass
class SignatureData:
    """The cleaned form fields of one submission."""

    first_name: str
    last_name: str
    email: str
    postal_code: str = ""
    country: str = ""
    comment: str = ""
    opt_in_news: bool = False
    show_name: bool = False


EMAIL_TASK = QueuedTask(send_signature_email)


@lru_cache(maxsize=1)
def _insert_statement():
    """One statement using up the form stamp and storing a signature and, unless it is flagged, its email row.

    The form stamp's nonce is inserted first (``ON CONFLICT DO NOTHING``: a
    simultaneous use of the same stamp waits for this one and then inserts
    nothing); a stamp used before stores nothing. With no nonce given (staff,
    scripts) this step is skipped. The row is written only if the normalised
    email has not signed yet (``ON CONFLICT DO NOTHING`` on the unique
    constraint, so a simultaneous duplicate neither fails nor waits for a
    savepoint). The rate-limit count happens in the same statement: over the
    limit, the row is flagged, not counted and gets no email (simultaneous
    bursts from one address may slip one or two past the limit, acceptable for
    a signal that only flags). Returns ``(stamp fresh, signature id, flag, email
    id)``; the signature columns are NULL for a used stamp or a repeat. Columns
    come from the model, so a new field cannot be forgotten. The email's task is
    queued in the same statement (``nnirr_site/background/queue_sql.py``): one
    round trip instead of two and no ORM ``create``.
    """
    fields = [f for f in Signature._meta.concrete_fields if not f.primary_key]
    computed = {"flag", "counted_at", "emails_count"}
    table, emails, stamps = Signature._meta.db_table, SignatureEmail._meta.db_table, UsedFormStamp._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = ", ".join(
        {
            "flag": "CASE WHEN recent.limited THEN %(flagged)s ELSE '' END",
            "counted_at": "CASE WHEN %(counts_at_once)s AND NOT recent.limited THEN %(now)s END",
            "emails_count": "CASE WHEN recent.limited THEN 0 ELSE 1 END",
        }.get(f.name, f"%({f.name})s")
        for f in fields
    )
    return f"""
WITH stamp AS (
    INSERT INTO {stamps} (nonce, created_at) SELECT %(stamp_nonce)s, %(now)s WHERE %(stamp_nonce)s IS NOT NULL
    ON CONFLICT (nonce) DO NOTHING RETURNING nonce
), fresh AS (
    SELECT %(stamp_nonce)s IS NULL OR EXISTS (SELECT 1 FROM stamp) AS ok
), recent AS (
    SELECT %(limit)s > 0 AND %(ip_hash)s <> '' AND count(*) >= %(limit)s AS limited FROM {table}
    WHERE petition_key = %(petition_key)s AND ip_hash = %(ip_hash)s AND created_at >= %(since)s
), signature AS (
    INSERT INTO {table} ({columns}) SELECT {values} FROM recent, fresh WHERE fresh.ok
    ON CONFLICT (petition_key, email_normalized) DO NOTHING RETURNING id, flag
), email AS (
    INSERT INTO {emails} (signature_id, kind, created_at, attempts, last_error)
    SELECT id, %(kind)s, %(now)s, 0, '' FROM signature WHERE flag = '' RETURNING id
), task AS (
    {EMAIL_TASK.insert_sql("email", "id")}
)
SELECT fresh.ok, signature.id, signature.flag, email.id FROM fresh
LEFT JOIN signature ON TRUE LEFT JOIN email ON TRUE
""", [f for f in fields if f.name not in computed]


def record_signature(petition, data, language, ip_hash="", stamp_nonce=None):
    """Store a signature (or recognize a repeat) and queue its email, all in one transaction.

    Returns an ``Outcome``: ``BOT`` when ``stamp_nonce`` (the form stamp's) was
    used before. Never raises for a duplicate, even one racing in at the same
    moment: the unique constraint decides (see ``_insert_statement``). Raises
    ``ValidationError`` for an address ``canonical_email`` refuses (the form
    refuses it first).
    """

    now = timezone.now()
    email = canonical_email(data.email)
    signature = Signature(
        petition=petition,
        petition_key=petition.translation_key,
        first_name=data.first_name,
        last_name=data.last_name,
        email=email,
        email_normalized=email_key(email),
        postal_code=data.postal_code,
        country=data.country,
        comment=data.comment,
        privacy_notice_version=settings.PRIVACY_NOTICE_VERSION,
        opt_in_news=data.opt_in_news,
        show_name=data.show_name,
        language=language,
        ip_hash=ip_hash,
        created_at=now,
    )
    sql, fields = _insert_statement()
    params = {f.name: f.get_db_prep_save(getattr(signature, f.attname), connection) for f in fields}
    params.update(
        limit=getattr(settings, "SUPPORTER_RATE_LIMIT", 5),
        since=now - rate_limit_window(),
        flagged=FlagReason.RATE_LIMITED.value,
        counts_at_once=petition.count_without_confirmation,
        now=now,
        kind=EmailKind.CONFIRM.value,
        stamp_nonce=stamp_nonce,
    )
    task_params, task_row = EMAIL_TASK.params(now)
    params.update(task_params)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        stamp_fresh, signature_id, flag, email_id = cursor.fetchone()
        if not stamp_fresh:
            # A stamp used before: nothing stored, no "already signed" email to whoever's address it is.
            return Outcome.BOT
        if signature_id is None:
            existing = (
                Signature.objects.filter(
                    petition_key=petition.translation_key, email_normalized=signature.email_normalized
                )
                .only("pk")
                .first()
            )
            if existing is not None:
                queue_email(existing, EmailKind.ALREADY_SIGNED)
            return Outcome.REPEAT
        if flag:
            # No email while flagged: a flood must not turn our server into a mail cannon.
            return Outcome.RATE_LIMITED
        if petition.count_without_confirmation:
            add_to_tally(petition.translation_key, 1)
    EMAIL_TASK.enqueued(task_row, email_id)
    return Outcome.NEW


def queue_email(signature, kind):
    """Queue one email to ``signature`` unless it has had its five; call inside a transaction."""

    allowed = Signature.objects.filter(pk=signature.pk, emails_count__lt=MAX_EMAILS_PER_SIGNATURE).update(
        emails_count=F("emails_count") + 1
    )
    if not allowed:
        return None
    email = SignatureEmail.objects.create(signature_id=signature.pk, kind=kind)
    send_signature_email.enqueue(email.pk)
    return email


_tally = TallyShard._meta.db_table
CHANGE_TALLY = (
    f"INSERT INTO {_tally} (petition_key, shard, counted, updated_at) VALUES (%s, %s, %s, now()) "
    f"ON CONFLICT (petition_key, shard) DO UPDATE SET counted = {_tally}.counted + EXCLUDED.counted, "
    "updated_at = now()"
)


def random_shard():
    return random.randrange(TALLY_SHARDS)


def change_tally(petition_key, amount):
    """Add ``amount`` (negative to subtract) to one shard of the petition's tally, in the current transaction."""
    with connection.cursor() as cursor:
        cursor.execute(CHANGE_TALLY, [petition_key, random_shard(), amount])


def add_to_tally(petition_key, amount):
    """Add ``amount`` (if positive) to the petition's tally in the current transaction."""
    if amount > 0:
        change_tally(petition_key, amount)


# --- Confirming ---------------------------------------------------------------------------------


class ConfirmResult:
    CONFIRMED = "confirmed"
    INVALID = "invalid"


TOKEN_LOOKUP = f"""
SELECT id, token_hash, token_expires_at, flag, counted_at FROM {Signature._meta.db_table}
WHERE petition_key = %s AND token_hash = %s AND confirmed_at IS NULL
"""


def find_signature_for_token(petition, token, for_update=False):
    """The signature this link belongs to, if the token is well formed, matches and has not expired.

    Returns ``(id, flag, counted_at)`` or None. One plain query (with a row lock when confirming).
    """
    if not tokens.looks_valid(token):
        return None
    sql = TOKEN_LOOKUP + (" FOR UPDATE" if for_update else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, [petition.translation_key, tokens.hash_token(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    pk, token_hash, expires_at, flag, counted_at = row
    if not tokens.token_matches(token, token_hash, expires_at):
        return None
    return pk, flag, counted_at


# One statement: find the unconfirmed signature behind the link and lock it (a second click at the
# same moment waits, then finds it confirmed and does nothing), confirm it, count it unless it is
# flagged or counted already, and read what "send me news" needs. The lookup is by the token's hash,
# as ``find_signature_for_token``'s is; an expired link finds nothing.
CONFIRM = f"""
WITH target AS (
    SELECT id, flag, counted_at, opt_in_news, email, first_name, language FROM {Signature._meta.db_table}
    WHERE petition_key = %(petition_key)s AND token_hash = %(token_hash)s AND confirmed_at IS NULL
      AND token_expires_at > %(now)s
    FOR UPDATE
), confirmed AS (
    UPDATE {Signature._meta.db_table} s SET confirmed_at = %(now)s,
        counted_at = CASE WHEN target.counted_at IS NULL AND target.flag = '' THEN %(now)s ELSE s.counted_at END,
        token_hash = '', token_expires_at = NULL
    FROM target WHERE s.id = target.id
), tally AS (
    INSERT INTO {_tally} (petition_key, shard, counted, updated_at)
    SELECT %(petition_key)s, %(shard)s, 1, now() FROM target WHERE target.counted_at IS NULL AND target.flag = ''
    ON CONFLICT (petition_key, shard) DO UPDATE SET counted = {_tally}.counted + EXCLUDED.counted, updated_at = now()
)
SELECT opt_in_news, email, first_name, language FROM target
"""


def confirm_signature(petition, token):
    """Confirm the signature behind ``token`` once; count it if it is not flagged. Returns a ConfirmResult."""
    if not tokens.looks_valid(token):
        return ConfirmResult.INVALID
    params = {
        "petition_key": petition.translation_key,
        "token_hash": tokens.hash_token(token),
        "now": timezone.now(),
        "shard": random_shard(),
    }
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(CONFIRM, params)
            row = cursor.fetchone()
        if row is None:
            return ConfirmResult.INVALID
        opt_in_news, email, first_name, language = row
        if opt_in_news:
            _announce_news_opt_in(petition, email, first_name, language)
    return ConfirmResult.CONFIRMED


def _announce_news_opt_in(petition, email, first_name, language):
    """A signer who ticked "send me news" is asked, by the email list's own confirmation, to join it."""
    with translation.override(language):
        wording = translation.gettext("Send me news from the network by email.")
    news_opt_in.announce(email, first_name, language, petition.url or "", "petition", wording)


# --- Counts -------------------------------------------------------------------------------------


def counted_signatures(petition_key):
    total = TallyShard.objects.filter(petition_key=petition_key).aggregate(total=Sum("counted"))["total"]
    return max(total or 0, 0)


def next_milestone(total, goal):
    """The goal while it is ahead; past it, the next round number (1, 2.5, 5 × 10ⁿ) above the total."""
    if goal and total < goal:
        return goal
    step = 10
    while True:
        for factor in (1, 2.5, 5):
            candidate = int(step * factor)
            if candidate > total:
                return candidate
        step *= 10


@dataclass
class PetitionStats:
    counted: int
    offline: int
    goal: int

    @property
    def total(self):
        return self.counted + self.offline

    @property
    def milestone(self):
        return next_milestone(self.total, self.goal)

    @property
    def percent(self):
        return min(100, round(100 * self.total / self.milestone)) if self.milestone else 100


@answers("petitions.stats")
def petition_stats(petition):
    return PetitionStats(
        counted=counted_signatures(petition.translation_key),
        offline=petition.offline_signatures,
        goal=petition.signature_goal,
    )


def recount(petition_key):
    """Set the tally to the true number of counted signatures; return ``(old, new)``.

    Every shard row is created if missing and locked first, so a confirmation
    running at the same time either committed before the count (and is in it)
    or waits and adds its one afterwards.
    """
    with transaction.atomic():
        TallyShard.objects.bulk_create(
            [TallyShard(petition_key=petition_key, shard=shard) for shard in range(TALLY_SHARDS)],
            ignore_conflicts=True,
        )
        shards = list(TallyShard.objects.select_for_update().filter(petition_key=petition_key).order_by("shard"))
        true_count = Signature.objects.filter(petition_key=petition_key, counted_at__isnull=False).count()
        old = sum(shard.counted for shard in shards)
        if old != true_count or any(shard.counted < 0 for shard in shards):
            TallyShard.objects.filter(petition_key=petition_key).exclude(shard=0).update(counted=0)
            TallyShard.objects.filter(petition_key=petition_key, shard=0).update(counted=true_count)
    return max(old, 0), true_count
