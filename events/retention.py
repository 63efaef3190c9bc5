"""How long "Add your event" submissions keep organizers' details: the core's periods (``supporter_actions/retention.py``).

Run by ``manage.py purge_supporter_data`` with every other action's rules:

1. Submissions never confirmed (flagged ones included) are deleted 30 days after they were sent
   (their emails go with them).
2. The keyed hash of the sender's address is emptied 30 days after sending.
3. The organizer's contact (name, email, phone) is blanked 30 days after a decline, and
   ``SUPPORTER_RETENTION_DAYS`` (180 by default) after the event's last day for the others; what
   the organizer wrote about the event, and the published page, stay. Emails become
   ``anonymised-<id>@invalid``.
"""


from django.db.models import Q
from django.db.models.functions import Coalesce

from events.models import EventSubmission, SubmissionStatus
from supporter_actions import retention
from supporter_actions.retention import Step, placeholder_email

ACTION = "event submissions"


def unconfirmed(now):
    return EventSubmission.objects.filter(confirmed_at__isnull=True, created_at__lt=retention.unconfirmed_cutoff(now))


def _not_deleted_today(queryset, now):
    return queryset.exclude(pk__in=unconfirmed(now).values("pk"))


def old_ip_hashes(now):
    return _not_deleted_today(
        EventSubmission.objects.filter(created_at__lt=retention.ip_hash_cutoff(now)).exclude(ip_hash=""), now
    )


def contacts_to_blank(now):
    declined = Q(status=SubmissionStatus.DECLINED, decided_at__lt=retention.unconfirmed_cutoff(now))
    long_past = Q(last_day__lt=(retention.closed_cutoff(now)).date())
    queryset = (
        EventSubmission.objects.annotate(last_day=Coalesce("end_date", "start_date"))
        .filter(declined | long_past, confirmed_at__isnull=False)
        .exclude(contact_email__endswith="@invalid")
    )
    return _not_deleted_today(queryset, now)


def _blank_contacts(queryset, now):
    return EventSubmission.objects.filter(pk__in=queryset.values("pk")).update(
        contact_name="", contact_email=placeholder_email(), contact_phone="", ip_hash="", token_hash="",
        token_expires_at=None,
    )


STEPS = [
    Step(
        done="Deleted {count} event submission(s) unconfirmed for more than {unconfirmed_days} days.",
        would="Would delete {count} event submission(s) unconfirmed for more than {unconfirmed_days} days.",
        find=unconfirmed,
        apply=lambda queryset, now: queryset.delete()[1].get(EventSubmission._meta.label, 0),
    ),
    Step(
        done="Dropped {count} address hash(es) of event submissions older than {ip_hash_days} days.",
        would="Would drop {count} address hash(es) of event submissions older than {ip_hash_days} days.",
        find=old_ip_hashes,
        apply=lambda queryset, now: queryset.update(ip_hash=""),
    ),
    Step(
        done="Blanked the organizer's contact of {count} event submission(s) declined more than "
             "{unconfirmed_days} days ago or whose event ended more than {retention_days} days ago.",
        would="Would blank the organizer's contact of {count} event submission(s) declined more than "
              "{unconfirmed_days} days ago or whose event ended more than {retention_days} days ago.",
        find=contacts_to_blank,
        apply=_blank_contacts,
    ),
]

retention.register(ACTION, STEPS)
