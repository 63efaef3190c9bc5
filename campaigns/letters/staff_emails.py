"""The "your organization is listed" email, sent by the worker when staff verify an endorsement.

Staff's side of the letter emails: the public flow's emails (confirmation, "already signed")
have their own module and task; this one sends only rows of kind ``listed``, in the language
the contact signed in, with the letter's address on the site (``site_url.absolute``).

``send_listed_email`` is idempotent like the petitions' task: a run locks the email's row
(NOWAIT: another run holding it makes this one stop), sends only if neither ``sent_at`` nor
``failed_at`` is set, then records ``sent_at`` riding out a database restart. A temporary
refusal is retried with back-off; a permanent one, or running out of attempts, sets
``failed_at`` (``nnirr_site.background.mail_errors`` tells which).
"""


from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import OperationalError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale

from campaigns.letters.models import LetterEmail, LetterEmailKind, SignOnLetterPage
from nnirr_site.background import delivery, mail_errors
from nnirr_site.background.database import retry_on_db_error
from nnirr_site.core.site_url import absolute


LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's error code for a row NOWAIT could not lock
TEMPLATE = "letters/emails/listed"



def letter_for(endorsement):
    """The letter in the contact's language when that translation is live, else the page they signed."""
    letter = SignOnLetterPage.objects.select_related("locale").get(pk=endorsement.letter_id)
    if letter.locale.language_code != endorsement.language:
        locale = Locale.objects.filter(language_code=endorsement.language).first()
        translated = letter.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            return translated
    return letter


def build_listed_message(endorsement):
    """The "listed" email to the endorsement's contact, rendered in the endorsement's language."""
    with translation.override(endorsement.language):
        letter = letter_for(endorsement)
        context = {
            "language": endorsement.language,
            "letter": letter,
            "letter_url": absolute(letter) or "",
            "name": endorsement.contact_name,
            "organization_name": endorsement.organization_name,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
        }
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        text = render_to_string(f"{TEMPLATE}.txt", context)
        html = render_to_string(f"{TEMPLATE}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [endorsement.contact_email])
    message.attach_alternative(html, "text/html")
    return message


# The "petitions" backend is the queue the worker serves; it carries every supporter email.
@task(backend="petitions")
def send_listed_email(email_id):
    """Send one queued "listed" email exactly once; on a temporary failure, re-queue it with back-off."""
    return delivery.send_or_retry(send_listed_email, email_id, _send, _record_failure, "Listed email")


def _claim(email_id):
    """The unsent "listed" email with its endorsement, None if there is nothing to send, "busy" if locked."""
    try:
        with transaction.atomic():
            return (
                LetterEmail.objects.select_for_update(nowait=True, of=("self",))
                .select_related("endorsement")
                .filter(pk=email_id, kind=LetterEmailKind.LISTED, sent_at__isnull=True, failed_at__isnull=True,
                        endorsement__isnull=False)
                .first()
            )
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
            return "busy"
        raise


def _send(email_id):
    email = _claim(email_id)
    if email == "busy":
        return "busy"
    if email is None:
        return "nothing to send"
    build_listed_message(email.endorsement).send()
    sent_at = timezone.now()
    retry_on_db_error(lambda: _mark_sent(email_id, sent_at), what=f"record listed email {email_id} as sent")
    return "sent"


def _mark_sent(email_id, sent_at):
    LetterEmail.objects.filter(pk=email_id, sent_at__isnull=True).update(sent_at=sent_at, attempts=F("attempts") + 1)


def _record_failure(email_id, exc, final=False, count=True):
    """Note the error (its class and reply codes, never the address); ``final``: it will never be sent."""
    changes = {"last_error": mail_errors.describe(exc)}
    if count:
        changes["attempts"] = F("attempts") + 1
    if final:
        changes["failed_at"] = timezone.now()
    LetterEmail.objects.filter(pk=email_id).update(**changes)
    return LetterEmail.objects.filter(pk=email_id).values_list("attempts", flat=True).first() or 0
