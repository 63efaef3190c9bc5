"""How long suggested corrections keep what could identify the visitor, under the core's periods.

A correction's keyed address hash is emptied after the core's ``IP_HASH_DAYS`` (30) like every
public form's; the contact a visitor left is erased when staff close the correction
(``Correction.save``) and, for one left open, after ``SUPPORTER_RETENTION_DAYS`` (180). What was
wrong with the service stays, for the record of the directory. ``manage.py purge_supporter_data``
runs these steps with every action's.
"""

from supporter_actions import retention
from supporter_actions.retention import Step, closed_cutoff, ip_hash_cutoff

from services.models import Correction


def old_ip_hashes(now):
    return Correction.objects.exclude(ip_hash="").filter(created_at__lt=ip_hash_cutoff(now))


def old_contacts(now):
    return Correction.objects.exclude(contact="").filter(created_at__lt=closed_cutoff(now))


STEPS = [
    Step(
        done="Dropped {count} address hash(es) of service corrections older than {ip_hash_days} days.",
        would="Would drop {count} address hash(es) of service corrections older than {ip_hash_days} days.",
        find=old_ip_hashes,
        apply=lambda queryset, now: queryset.update(ip_hash=""),
    ),
    Step(
        done="Erased the visitor's contact from {count} service correction(s) older than {retention_days} days.",
        would="Would erase the visitor's contact from {count} service correction(s) older than {retention_days} days.",
        find=old_contacts,
        apply=lambda queryset, now: queryset.update(contact=""),
    ),
]

retention.register("border service corrections", STEPS)
