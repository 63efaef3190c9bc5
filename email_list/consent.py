"""Changes to subscriptions and the consent history they write: joining, leaving, language, bounces.

Every change writes a ``ConsentRecord`` in the same transaction, and only a real change does: a
second one-click POST, or a preferences form sent unchanged, writes nothing and answers the same.
The sign-up flow (``signup.py``), the public views, the admin and the digest sender (a 5xx
refusal marks the subscriber) all change subscriptions through these functions.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from email_list.models import ConsentAction, ConsentRecord, MailingList, Subscriber, Subscription, SubscriptionStatus

# Bumped whenever the wording of a sign-up or preferences form changes; each record stores the version shown.
WORDING_VERSION = "2026-11"

# How a change was made, as stored in the consent history (staff read it; kept in English like the log).
METHOD_CONFIRM_LINK = "confirmation link in the email (button, POST)"
METHOD_PREFERENCES = "preferences page (signed link)"
METHOD_ONE_CLICK = "one-click unsubscribe (RFC 8058 POST)"
METHOD_UNSUBSCRIBE_PAGE = "unsubscribe page (signed link, button)"
METHOD_STAFF = "staff"


def preferences_wording():
    return gettext("Changes made on the preferences page, reached by the signed link in one of our emails.")


def record(subscriber, action, method, mailing_list=None, **fields):
    fields.setdefault("language", subscriber.language)
    return ConsentRecord.objects.create(
        subscriber=subscriber, mailing_list=mailing_list, action=action, method=method, **fields
    )


def subscribe(subscriber, mailing_list, now, method, **record_fields):
    """Put ``subscriber`` on ``mailing_list``; a record only when that changes something. True when it did."""
    subscription = Subscription.objects.filter(subscriber=subscriber, mailing_list=mailing_list).first()
    if subscription is not None and subscription.status == SubscriptionStatus.ACTIVE:
        return False
    if subscription is None:
        Subscription.objects.create(subscriber=subscriber, mailing_list=mailing_list, confirmed_at=now)
    else:
        Subscription.objects.filter(pk=subscription.pk).update(
            status=SubscriptionStatus.ACTIVE, confirmed_at=now, ended_at=None
        )
    record(subscriber, ConsentAction.SUBSCRIBED, method, mailing_list, at=now, **record_fields)
    return True


def clear_bounce(subscriber, now, method):
    if subscriber.bounced_at or subscriber.complained_at:
        Subscriber.objects.filter(pk=subscriber.pk).update(bounced_at=None, complained_at=None)
        subscriber.bounced_at = subscriber.complained_at = None
        record(subscriber, ConsentAction.CLEARED, method, at=now, detail="confirmed the address again")


def set_language(subscriber, language, now, method, **record_fields):
    if language and language != subscriber.language:
        Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
        subscriber.language = language
        record(subscriber, ConsentAction.LANGUAGE, method, at=now, **record_fields)


def unsubscribe(subscriber, mailing_list, method, source_form="", source_url="", language=None):
    """Take ``subscriber`` off ``mailing_list``; True when they were on it (idempotent)."""
    now = timezone.now()
    with transaction.atomic():
        changed = Subscription.objects.filter(
            subscriber=subscriber, mailing_list=mailing_list, status=SubscriptionStatus.ACTIVE
        ).update(status=SubscriptionStatus.UNSUBSCRIBED, ended_at=now)
        if changed:
            record(
                subscriber, ConsentAction.UNSUBSCRIBED, method, mailing_list, at=now, source_form=source_form,
                source_url=source_url[:500], language=language or subscriber.language,
            )
        return bool(changed)


def lists_offered_to(subscriber):
    """The lists a subscriber's preferences page shows: every public list, and any private one they are on."""
    mine = set(subscriber.subscriptions.values_list("mailing_list_id", flat=True))
    return [item for item in MailingList.objects.all() if item.public or item.pk in mine]


def change_preferences(subscriber, wanted_lists, language, source_url=""):
    """Apply the preferences form: join and leave lists, change language; return how many changes were recorded."""
    now = timezone.now()
    method = METHOD_PREFERENCES
    fields = {
        "source_url": source_url[:500],
        "source_form": "preferences",
        "wording": preferences_wording(),
        "wording_version": WORDING_VERSION,
    }
    changes = 0
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        wanted = {item.pk for item in wanted_lists}
        for mailing_list in lists_offered_to(subscriber):
            if mailing_list.pk in wanted:
                changes += subscribe(subscriber, mailing_list, now, method, language=language or subscriber.language,
                                      **fields)
            elif unsubscribe(subscriber, mailing_list, method, "preferences", source_url, language):
                changes += 1
        before = subscriber.language
        set_language(subscriber, language, now, method, **fields)
        changes += before != subscriber.language
    return changes


def leave_everything(subscriber, source_url=""):
    method = METHOD_PREFERENCES
    with transaction.atomic():
        return sum(
            unsubscribe(subscriber, subscription.mailing_list, method, "preferences", source_url)
            for subscription in subscriber.subscriptions.filter(status=SubscriptionStatus.ACTIVE).select_related(
                "mailing_list"
            )
        )


def mark_bounced(subscriber_id, detail, method="mail server reply", staff_username=""):
    """A 5xx refusal (or staff): nothing more is sent to this address until it confirms again. Idempotent."""
    now = timezone.now()
    with transaction.atomic():
        changed = Subscriber.objects.filter(pk=subscriber_id, bounced_at__isnull=True).update(bounced_at=now)
        if changed:
            subscriber = Subscriber.objects.get(pk=subscriber_id)
            record(subscriber, ConsentAction.BOUNCED, method, at=now, detail=detail[:200], staff_username=staff_username)
        return bool(changed)


def mark_complained(subscriber_id, detail, staff_username):
    now = timezone.now()
    with transaction.atomic():
        changed = Subscriber.objects.filter(pk=subscriber_id, complained_at__isnull=True).update(complained_at=now)
        if changed:
            subscriber = Subscriber.objects.get(pk=subscriber_id)
            record(subscriber, ConsentAction.COMPLAINED, METHOD_STAFF, at=now, detail=detail[:200],
                   staff_username=staff_username)
        return bool(changed)


def clear_marks(subscriber_id, staff_username):
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber_id)
        if subscriber.bounced_at or subscriber.complained_at:
            Subscriber.objects.filter(pk=subscriber_id).update(bounced_at=None, complained_at=None)
            record(subscriber, ConsentAction.CLEARED, METHOD_STAFF, at=now, staff_username=staff_username)
            return True
        return False
