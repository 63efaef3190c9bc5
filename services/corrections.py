"""The rules of a suggested correction: storing it under the core's abuse checks, and closing it.

The form stamp's nonce is used up in the same transaction that stores the correction, so one
stamp stores at most one. Over ``SERVICES_CORRECTION_RATE_LIMIT`` corrections from one address
(its keyed hash, IPv6 by /64) within the core's window, a correction is still stored but
flagged for staff, and the visitor sees the same thank-you page either way.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from services.models import CLOSED_CORRECTION_STATUSES, Correction, Service
from supporter_actions.abuse import rate_limit_window, use_form_stamp


def correction_rate_limit():
    return getattr(settings, "SERVICES_CORRECTION_RATE_LIMIT", 5)


def record_correction(service_pk, topic, details, contact, language, ip_hash="", stamp_nonce=None):
    """Store a correction for the service with ``service_pk``; return it, or None when the stamp was used before."""
    now = timezone.now()
    with transaction.atomic():
        if stamp_nonce is not None and not use_form_stamp(stamp_nonce, now):
            return None
        service = Service.objects.only("pk", "translation_key").get(pk=service_pk)
        limit = correction_rate_limit()
        flagged = bool(
            limit > 0
            and ip_hash
            and Correction.objects.filter(ip_hash=ip_hash, created_at__gte=now - rate_limit_window()).count() >= limit
        )
        return Correction.objects.create(
            service=service,
            service_key=service.translation_key,
            topic=topic,
            details=details,
            contact=contact,
            language=language,
            ip_hash=ip_hash,
            flagged=flagged,
        )


def set_status(correction, status, user, note=None):
    """Move a correction along the queue; closing it erases the visitor's contact (``Correction.save``)."""
    correction.status = status
    if note is not None:
        correction.staff_note = note
    correction.handled_by = user
    correction.handled_at = timezone.now()
    correction.save()
    return correction


def open_corrections():
    return Correction.objects.exclude(status__in=CLOSED_CORRECTION_STATUSES)
