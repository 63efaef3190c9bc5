"""How long supporters' data is kept, for every action, and the one command that applies it.

The periods are the core's, so every action keeps data for the same time:

- a submission never confirmed is deleted ``UNCONFIRMED_DAYS`` (30) after it was made;
- the keyed hash of the sender's network address is emptied ``IP_HASH_DAYS`` (30) after;
- once an action has been closed for ``SUPPORTER_RETENTION_DAYS`` (180 by default), its
  supporters' personal details are blanked; counts and what was public stay.

Each action registers its steps (``register``): queries that find only what is left to do,
so running ``manage.py purge_supporter_data`` every day (or twice) is safe. A step's query
excludes rows an earlier step of the same run deletes, so a dry run counts what a real run does.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

UNCONFIRMED_DAYS = 30
IP_HASH_DAYS = 30


def retention_days():
    return settings.SUPPORTER_RETENTION_DAYS


def unconfirmed_cutoff(now):
    return now - timedelta(days=UNCONFIRMED_DAYS)


def ip_hash_cutoff(now):
    return now - timedelta(days=IP_HASH_DAYS)


def closed_cutoff(now):
    """An action closed before this moment has its supporters' details blanked."""
    return now - timedelta(days=retention_days())


def placeholder_email():
    """``anonymized-<id>@invalid``: unique per row, so one-per-address constraints still hold."""
    return Concat(Value("anonymized-"), Cast("pk", CharField()), Value("@invalid"))


@dataclass(frozen=True)
class Step:
    """One rule applied to one kind of record: ``find(now)`` is what is left to do, ``apply(queryset, now)`` does it.

    ``done`` and ``would`` describe it for the report, with ``{count}`` and the core's periods
    (``{unconfirmed_days}``, ``{ip_hash_days}``, ``{retention_days}``) as placeholders.
    ``apply`` returns how many rows it changed or deleted.
    """

    done: str
    would: str
    find: Callable
    apply: Callable


_ACTIONS = {}


def register(action, steps):
    """Register an action's steps, in order, under a name for the report (``"petitions"``, ``"sign-on letters"``)."""
    _ACTIONS[action] = list(steps)


def registered_actions():
    return dict(_ACTIONS)


def describe(text, count):
    return text.format(
        count=count, unconfirmed_days=UNCONFIRMED_DAYS, ip_hash_days=IP_HASH_DAYS, retention_days=retention_days()
    )


def purge(dry_run=False, now=None, actions=None):
    """Apply every registered step (or only count what it would touch); return ``{action: [(text, count)]}``."""
    now = now or timezone.now()
    report = {}
    with transaction.atomic():
        for action, steps in _ACTIONS.items():
            if actions is not None and action not in actions:
                continue
            lines = report[action] = []
            for step in steps:
                queryset = step.find(now)
                count = queryset.count() if dry_run else step.apply(queryset, now)
                lines.append((describe(step.would if dry_run else step.done, count), count))
    return report
