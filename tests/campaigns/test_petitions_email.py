"""Petition emails when the mail server fails: the signature stays, the email is retried by the worker, sent once."""

import datetime
import smtplib
import threading
from contextlib import contextmanager

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from campaigns.petitions.models import Signature, SignatureEmail
from campaigns.petitions.tasks import send_signature_email
from supporter_actions.tokens import hash_token
from tests.campaigns.petition_helpers import CONFIRM_LINK, confirm_links, make_petition, path_of, sign

pytestmark = pytest.mark.django_db(transaction=True)


class MailServerDownOnceBackend(EmailBackend):
    """A real Django mail backend (locmem) whose server is down for the first ``failures`` sends."""

    failures = 1

    def send_messages(self, messages):
        if MailServerDownOnceBackend.failures > 0:
            MailServerDownOnceBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class LinkCheckingBackend(EmailBackend):
    """Notes, for each email it sends, whether its link is already committed (seen from another connection)."""

    link_committed = []

    def send_messages(self, messages):
        for message in messages:
            token = CONFIRM_LINK.search(message.body).group(0).rstrip("/").rsplit("/", 1)[1]
            other = connections.create_connection("default")
            try:
                with other.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM petitions_signature WHERE token_hash = %s", [hash_token(token)])
                    self.link_committed.append(cursor.fetchone()[0] == 1)
            finally:
                other.close()
        return super().send_messages(messages)


def run_worker():
    """The real worker command, processing everything that is due and then exiting."""
    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)


def test_mail_server_down_keeps_signature_and_retries_later(client, demo_site, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.EMAIL_BACKEND = "tests.campaigns.test_petitions_email.MailServerDownOnceBackend"
    MailServerDownOnceBackend.failures = 1
    mail.outbox = []
    petition = make_petition(slug="mail-down")

    assert sign(client, petition).status_code == 303
    run_worker()
    signature = Signature.objects.get(petition=petition)  # kept although the email failed
    email = SignatureEmail.objects.get(signature=signature)
    assert email.sent_at is None and email.attempts == 1 and email.last_error == "SMTPServerDisconnected"
    assert mail.outbox == []
    unsent_link_hash = signature.token_hash  # made for the failed attempt; nobody received it
    assert unsent_link_hash
    failed = DBTaskResult.objects.get(backend_name="petitions", status="FAILED")
    retry = DBTaskResult.objects.get(backend_name="petitions", status="READY")
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)  # back-off
    assert failed.args_kwargs == retry.args_kwargs

    run_worker()  # too early: the retry is not due yet
    assert mail.outbox == []

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # a minute passes
    run_worker()
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    signature.refresh_from_db()
    assert signature.token_hash not in ("", unsent_link_hash)  # the email's link replaced the unsent one

    # Running the same task again (a duplicate delivery) sends nothing twice.
    DBTaskResult.objects.filter(pk=retry.pk).update(status="READY")
    run_worker()
    assert len(mail.outbox) == 1

    [link] = confirm_links()
    assert client.post(path_of(link)).status_code == 200
    assert petition.get_stats().counted == 1


def test_link_works_before_the_email_leaves(client, demo_site, settings):
    """A supporter (or a test client) may open the link the moment it arrives: it is committed before sending."""
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.EMAIL_BACKEND = "tests.campaigns.test_petitions_email.LinkCheckingBackend"
    LinkCheckingBackend.link_committed = []
    petition = make_petition(slug="link-first")
    assert sign(client, petition).status_code == 303
    run_worker()
    assert LinkCheckingBackend.link_committed == [True]


def test_email_is_in_the_signers_language(client, demo_site, settings):
    from wagtail.models import Locale

    from nnirr_site.core.demo_builders import ensure_translation

    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    mail.outbox = []
    petition = make_petition(slug="in-spanish")
    index = petition.get_parent().specific
    if index.get_translation_or_none(Locale.objects.get(language_code="es")) is None:
        ensure_translation(index, "es", "peticiones", title="Peticiones")
    spanish = ensure_translation(petition, "es", "en-espanol", title="Petición en español")
    sign(client, spanish, email="lucia@example.org")
    run_worker()
    [message] = mail.outbox
    assert "Petición en español" in message.subject
    assert "/es/" in confirm_links()[0]
    html = message.alternatives[0][0]
    assert '<html lang="es">' in html


@contextmanager
def row_locked_elsewhere(queryset):
    """Hold a row lock (``select_for_update``) from another connection while the block runs."""
    locked, release = threading.Event(), threading.Event()

    def hold():
        with transaction.atomic():
            queryset.select_for_update().get()
            locked.set()
            release.wait(timeout=30)
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(timeout=30)
        yield
    finally:
        release.set()
        holder.join(timeout=30)


def test_sending_locks_only_the_email_row(client, demo_site, settings):
    """Two email workers (or an editor publishing the petition) must not make a send give up."""
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    mail.outbox = []
    petition = make_petition(slug="locks")
    sign(client, petition)
    with row_locked_elsewhere(Page.objects.filter(pk=petition.pk)):
        run_worker()
    assert len(mail.outbox) == 1
    assert SignatureEmail.objects.get(signature__petition=petition).sent_at is not None


def test_a_run_finding_the_email_locked_stops_without_sending_or_changing_the_link(client, demo_site, settings):
    """Another run holding the email's row (a duplicate delivery of the task) makes this one stop at once."""
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    mail.outbox = []
    petition = make_petition(slug="held")
    sign(client, petition)
    email = SignatureEmail.objects.get(signature__petition=petition)
    link_before = Signature.objects.get(pk=email.signature_id).token_hash
    with row_locked_elsewhere(SignatureEmail.objects.filter(pk=email.pk)):
        assert send_signature_email.call(email.pk) == "busy"
    assert mail.outbox == []
    assert Signature.objects.get(pk=email.signature_id).token_hash == link_before
    run_worker()
    assert len(mail.outbox) == 1 and len(confirm_links()) == 1
    assert SignatureEmail.objects.get(pk=email.pk).sent_at is not None
