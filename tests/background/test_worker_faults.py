"""The fault suite: real worker processes, a real SMTP server, the real database stopped and started.

Each case ends with every signature stored once and every email sent exactly
once (or recorded as undeliverable). Timers are short here
(``tests/background/worker_settings.py``); production's are in the settings.
"""

import email
import signal

import pytest
from django_tasks_db.models import DBTaskResult

from campaigns.petitions.models import Signature, SignatureEmail
from nnirr_site.background.models import WorkerHeartbeat
from tests.background.conftest import WORKER_START_SECONDS, wait_until, worker_log
from tests.campaigns.petition_helpers import CONFIRM_LINK, path_of, sign


@pytest.fixture
def petition(fault_petition):
    return fault_petition


def sign_as(client, petition, count, start=0):
    addresses = [f"signer{number}@example.org" for number in range(start, start + count)]
    for address in addresses:
        assert sign(client, petition, email=address).status_code == 303
    return addresses


def emails_of(petition):
    return SignatureEmail.objects.filter(signature__petition=petition)


def all_sent(petition, count):
    return lambda: emails_of(petition).filter(sent_at__isnull=False).count() >= count


def assert_each_delivered_once(smtp_server, petition, addresses):
    assert {address: smtp_server.delivered[address] for address in addresses} == {a: 1 for a in addresses}
    assert smtp_server.total_delivered() == len(addresses)
    assert sorted(Signature.objects.filter(petition=petition).values_list("email", flat=True)) == sorted(addresses)
    assert emails_of(petition).count() == len(addresses)
    assert emails_of(petition).filter(sent_at__isnull=False, failed_at__isnull=True).count() == len(addresses)


def text_of(raw_message):
    message = email.message_from_string(raw_message)
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no plain-text part")


def test_database_restart_while_idle(client, petition, smtp_server, start_worker, database_outage):
    worker = start_worker()
    wait_until(lambda: WorkerHeartbeat.objects.filter(last_poll_at__isnull=False).exists(), what="the worker to poll")
    with database_outage():
        wait_until(lambda: "Database unavailable" in worker_log(worker), what="the worker to notice")
    addresses = sign_as(client, petition, 3)
    wait_until(all_sent(petition, 3), what="three emails")
    assert worker.poll() is None, worker_log(worker)  # the same process went on
    assert_each_delivered_once(smtp_server, petition, addresses)


def test_database_restart_while_sending(client, petition, smtp_server, start_worker, database_outage):
    addresses = sign_as(client, petition, 3)
    smtp_server.hold()
    worker = start_worker()
    assert smtp_server.waiting.wait(WORKER_START_SECONDS), worker_log(worker)  # the worker is in the middle of a send
    with database_outage():
        smtp_server.release()  # the email leaves while the database is down...
        smtp_server.wait_for(lambda server: sum(server.delivered.values()) >= 1, what="the first email")
    wait_until(all_sent(petition, 3), what="three emails recorded")  # ...and is recorded once it is back, not sent again
    assert worker.poll() is None, worker_log(worker)
    assert_each_delivered_once(smtp_server, petition, addresses)
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


def test_worker_killed_mid_send_then_restarted(client, petition, smtp_server, start_worker):
    addresses = sign_as(client, petition, 3)
    smtp_server.hold()
    first = start_worker()
    assert smtp_server.waiting.wait(WORKER_START_SECONDS), worker_log(first)
    first.send_signal(signal.SIGKILL)
    first.wait()
    smtp_server.release()
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1  # left behind by the killed worker
    start_worker()
    wait_until(all_sent(petition, 3), what="all three emails after the restart")
    assert_each_delivered_once(smtp_server, petition, addresses)
    [interrupted] = [task for task in DBTaskResult.objects.all() if len(task.worker_ids) == 2]
    assert interrupted.status == "SUCCESSFUL"  # queued again and run by the new worker


def test_greylisted_then_accepted(client, petition, smtp_server, start_worker):
    smtp_server.replies_for["grey@example.org"] = ["451 4.7.1 Greylisted, please try again later"]
    assert sign(client, petition, email="grey@example.org").status_code == 303
    start_worker()
    wait_until(all_sent(petition, 1), what="the greylisted email")
    assert smtp_server.rcpt_attempts["grey@example.org"] == 2
    assert smtp_server.delivered["grey@example.org"] == 1
    sent = emails_of(petition).get()
    assert sent.attempts == 2 and sent.failed_at is None and sent.last_error == "SMTPRecipientsRefused 451"


def test_refused_for_good_is_recorded_not_retried(client, petition, smtp_server, start_worker):
    smtp_server.replies_for["nobody@example.org"] = ["550 5.1.1 No such user"]
    assert sign(client, petition, email="nobody@example.org").status_code == 303
    worker = start_worker()
    wait_until(lambda: emails_of(petition).filter(failed_at__isnull=False).exists(), what="the refusal")
    refused = emails_of(petition).get()
    assert refused.sent_at is None and refused.attempts == 1 and refused.last_error == "SMTPRecipientsRefused 550"
    assert smtp_server.delivered["nobody@example.org"] == 0
    assert "refused permanently" in worker_log(worker)
    assert smtp_server.rcpt_attempts["nobody@example.org"] == 1  # never tried again


def test_thirty_signatures_across_a_database_restart(client, petition, smtp_server, start_worker, database_outage):
    first = sign_as(client, petition, 15)
    worker = start_worker()
    smtp_server.wait_for(lambda server: sum(server.delivered.values()) >= 5, what="the first emails")
    with database_outage():
        pass
    second = sign_as(client, petition, 15, start=15)
    wait_until(all_sent(petition, 30), what="thirty emails")
    assert worker.poll() is None, worker_log(worker)
    addresses = first + second
    assert_each_delivered_once(smtp_server, petition, addresses)
    # Every signer confirms with the link they received: the count is exact.
    links = [CONFIRM_LINK.search(text_of(raw)).group(0) for _address, raw in smtp_server.messages]
    assert len(links) == 30
    for link in links:
        assert client.post(path_of(link)).status_code == 200
    assert petition.get_stats().counted == 30
    assert Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count() == 30
