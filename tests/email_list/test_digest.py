"""The digest send on real PostgreSQL and a real local SMTP server (aiosmtpd), run by the worker's task code.

Worker processes, kills and database restarts are in ``test_digest_faults.py``.
"""

import email
import email.policy
import re

import pytest
from django.db import OperationalError

from email_list import sending
from email_list.models import ConsentAction, ConsentRecord, DigestSend, DigestStatus, MailingList, SendState, Subscriber
from email_list.tasks import send_digest
from tests.background.smtp_server import FaultySMTPServer
from tests.email_list.helpers import make_digest, make_subscribers, path_of, run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    server = FaultySMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.SUPPORTER_EMAIL_RETRY_SECONDS = 0
    settings.EMAIL_LIST_BATCH_SIZE = 7  # several batches
    yield server
    server.stop()


def parsed(raw):
    """The message as a mail client reads it (folded headers unfolded)."""
    return email.message_from_string(raw, policy=email.policy.default)


def part(message, content_type):
    for item in message.walk():
        if item.get_content_type() == content_type:
            return item.get_content()
    raise AssertionError(f"no {content_type} part")


def test_each_recipient_once_with_both_unsubscribe_headers(client, lists, smtp):
    news = MailingList.objects.create(name="Digest test list")  # not the demo list, which has subscribers
    english = make_subscribers(news, 20)
    make_subscribers(news, 5, language="es", start=100)  # the English digest of a both-language list skips them
    digest = make_digest(news)
    assert sending.start(digest, "editor", send_digest)
    assert not sending.start(digest, "editor", send_digest)  # a second start adds nobody
    run_queued_tasks()
    assert dict(smtp.delivered) == {address: 1 for address in english}
    digest.refresh_from_db()
    assert digest.status == DigestStatus.SENT and digest.finished_at is not None
    assert DigestSend.objects.filter(digest=digest, state=SendState.SENT).count() == 20
    for address, raw in smtp.messages:
        message = parsed(raw)
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert re.fullmatch(r"<https?://\S+/email-list/unsubscribe/\d+-\S+/\d+/>", message["List-Unsubscribe"].strip())
        text, html = part(message, "text/plain"), part(message, "text/html")
        assert message["List-Unsubscribe"].strip()[1:-1] in text and message["List-Unsubscribe"].strip()[1:-1] in html
        assert "A post about sanctuary" in text and "A left-out report" not in text
        assert "<img" not in html and 'lang="en"' in html and "Oakland" in text
    # The header's address works as one click, from a mail client without cookies.
    address, raw = smtp.messages[0]
    response = client.post(path_of(parsed(raw)["List-Unsubscribe"].strip()[1:-1]), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ConsentRecord.objects.get(action=ConsentAction.UNSUBSCRIBED, mailing_list=news).subscriber.email == address
    # The archive shows it, in its language only, without anyone's links.
    archive = client.get("/email-list/digests/").content.decode()
    assert digest.subject in archive and digest.subject not in client.get("/es/email-list/digests/").content.decode()
    page = client.get(f"/email-list/digests/{digest.pk}/").content.decode()
    assert "A post about sanctuary" in page and "/unsubscribe/" not in page


def test_greylisted_is_retried_and_5xx_marks_the_subscriber_bounced(lists, smtp):
    news = MailingList.objects.create(name="Digest test list")  # not the demo list, which has subscribers
    addresses = make_subscribers(news, 6)
    smtp.replies_for[addresses[1]] = ["451 4.7.1 Greylisted, try again later"]
    smtp.replies_for[addresses[2]] = ["550 5.1.1 No such user"]
    digest = make_digest(news)
    sending.start(digest, "editor", send_digest)
    run_queued_tasks()
    assert smtp.delivered[addresses[1]] == 1 and smtp.rcpt_attempts[addresses[1]] == 2
    assert smtp.delivered[addresses[2]] == 0 and smtp.rcpt_attempts[addresses[2]] == 1
    failed = DigestSend.objects.get(state=SendState.FAILED)
    assert failed.subscriber.email == addresses[2] and failed.last_error == "SMTPRecipientsRefused 550"
    bounced = Subscriber.objects.get(email=addresses[2])
    assert bounced.bounced_at is not None
    assert ConsentRecord.objects.filter(subscriber=bounced, action=ConsentAction.BOUNCED).count() == 1
    assert smtp.total_delivered() == 5
    # The next digest leaves the bounced address out.
    later = make_digest(news, subject="November")
    sending.start(later, "editor", send_digest)
    assert not DigestSend.objects.filter(digest=later, subscriber=bounced).exists()


def test_pause_and_resume(lists, smtp):
    news = MailingList.objects.create(name="Digest test list")  # not the demo list, which has subscribers
    addresses = make_subscribers(news, 10)
    digest = make_digest(news)
    sending.start(digest, "editor", send_digest)
    assert sending.pause(digest)
    run_queued_tasks()
    assert smtp.total_delivered() == 0
    digest.refresh_from_db()
    assert digest.status == DigestStatus.PAUSED
    assert sending.resume(digest, send_digest)
    run_queued_tasks()
    assert dict(smtp.delivered) == {address: 1 for address in addresses}


def test_what_a_killed_run_leaves_reserved_is_sent_and_what_it_handed_over_is_not(lists, smtp):
    """A crash before the hand-over: the email is sent by the next run. After it: never again (at-most-once)."""
    from django_tasks_db.models import DBTaskResult

    news = MailingList.objects.create(name="Digest test list")  # not the demo list, which has subscribers
    addresses = make_subscribers(news, 4)
    digest = make_digest(news)
    sending.start(digest, "editor", send_digest)
    task = DBTaskResult.objects.get(task_path__endswith="send_digest")
    rows = list(DigestSend.objects.filter(digest=digest).order_by("id"))
    # The dead run of this same task had reserved row 0, and handed row 1 to the server.
    DigestSend.objects.filter(pk=rows[0].pk).update(state=SendState.RESERVED, claim="dead", claim_task=str(task.id))
    DigestSend.objects.filter(pk=rows[1].pk).update(state=SendState.HANDED_OVER, claim="dead", claim_task=str(task.id))
    run_queued_tasks()
    assert smtp.delivered[addresses[0]] == 1
    assert smtp.delivered[addresses[1]] == 0  # maybe delivered by the dead run: never sent twice
    assert smtp.delivered[addresses[2]] == smtp.delivered[addresses[3]] == 1
    digest.refresh_from_db()
    assert digest.status == DigestStatus.SENT


def test_no_final_dot_without_the_hand_over(smtp):
    """The server discards a message whose final dot never came: refused or failed hand-over, nothing delivered."""
    from django.core.mail import EmailMessage

    mailer = sending.Mailer()
    message = EmailMessage("Hi", "Body\n.\nwith a dot line", "from@example.org", ["one@example.org"])
    assert mailer.send(message, lambda: False) is False

    def database_gone():
        raise OperationalError("server closed the connection")

    with pytest.raises(OperationalError):
        sending.Mailer().send(message, database_gone)
    assert sending.Mailer().send(EmailMessage("Hi", "Body\n.\nend", "from@example.org", ["two@example.org"]),
                                 lambda: True)
    smtp.wait_for(lambda server: sum(server.delivered.values()) >= 1, what="the handed-over message")
    assert dict(smtp.delivered) == {"two@example.org": 1}
    assert "\n.\nend" in smtp.messages[0][1].replace("\r\n", "\n")  # dot-stuffing undone by the server
