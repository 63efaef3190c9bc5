"""Staff decisions on submitted events: make a draft event page from one, decline one, and tell the organizer.

"Make a draft" copies what the organizer wrote (never their contact details) into an unpublished
``EventPage`` under the events index of the submission's language; staff edit it and publish it
like any page (through the site's workflow where one applies). When that page is published, the
organizer is sent "your event is published" once. "Decline" records the reason and sends it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.rich_text import RichText

from events.models import EventEmailKind, EventPage, EventSubmission, SubmissionStatus
from events.submitting import queue_email

OPEN_STATUSES = [SubmissionStatus.PENDING, SubmissionStatus.DRAFTED]


def _unique_slug(parent, title):
    base = slugify(title)[:60] or "event"
    slug, n = base, 2
    existing = set(Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in existing:
        slug, n = f"{base}-{n}", n + 1
    return slug


def make_draft(submission, user):
    """Create the draft event page of a pending submission (once) and return it."""
    with transaction.atomic():
        submission = EventSubmission.objects.select_for_update().get(pk=submission.pk)
        if submission.event_page_id:
            return submission.event_page
        if submission.status != SubmissionStatus.PENDING:
            return None
        parent = submission.index_page
        page = EventPage(
            title=submission.title,
            slug=_unique_slug(parent, submission.title),
            summary=submission.summary,
            body=[("paragraph", RichText(f"<p>{para}</p>")) for para in _paragraphs(submission.description)],
            live=False,
            **{
                name: getattr(submission, name)
                for name in [
                    "start_date", "start_time", "end_date", "end_time", "time_zone", "attendance", "venue_name",
                    "street_address", "city", "state", "postal_code", "venue_private", "online_url",
                    "online_url_private", "organizer_name", "organizer_url", "languages", "interpretation",
                    "accessibility_notes", "cost", "registration_url",
                ]
            },
        )
        parent.add_child(instance=page)
        page.save_revision(user=user)
        submission.event_page = page
        submission.status = SubmissionStatus.DRAFTED
        submission.decided_by_name = user.get_username() if user else ""
        submission.save(update_fields=["event_page", "status", "decided_by_name"])
        return page


def _paragraphs(text):
    from django.utils.html import escape

    return [escape(" ".join(part.split())) for part in text.split("\n\n") if part.strip()]


def decline(submission, user, reason):
    """Decline an open submission with a reason (sent to the organizer); False when it was no longer open."""
    with transaction.atomic():
        updated = EventSubmission.objects.filter(pk=submission.pk, status__in=OPEN_STATUSES).update(
            status=SubmissionStatus.DECLINED,
            decline_reason=reason,
            decided_at=timezone.now(),
            decided_by_name=user.get_username() if user else "",
        )
        if updated:
            queue_email(submission, EventEmailKind.DECLINED)
        return bool(updated)


def event_page_published(page):
    """The organizer of a submission that became ``page`` hears once that it is published."""
    for submission in EventSubmission.objects.filter(
        event_page__translation_key=page.translation_key, status=SubmissionStatus.DRAFTED
    ):
        with transaction.atomic():
            updated = EventSubmission.objects.filter(pk=submission.pk, status=SubmissionStatus.DRAFTED).update(
                status=SubmissionStatus.PUBLISHED, decided_at=timezone.now()
            )
            if updated:
                queue_email(submission, EventEmailKind.PUBLISHED)
