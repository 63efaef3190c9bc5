"""The digest send with real worker processes: restarted halfway (SIGTERM), killed halfway (SIGKILL), and across a
database restart.

Counted at the SMTP server by recipient: after a restart and after a database restart every recipient exactly
once; after a kill no recipient twice and at most the one email in the hand-over window missing.
Short timers: ``tests/background/worker_settings.py``.
"""

import signal

import pytest
from django.db import connection, connections
from django_tasks_db.models import DBTaskResult

from email_list import demo_content as email_list_demo
from email_list import sending
from email_list.models import DigestSend, DigestStatus, MailingList, SendState
from email_list.tasks import send_digest
from nnirr_site.background.models import WorkerHeartbeat
from tests.background.conftest import (  # noqa: F401  (fixtures)
    committed_db,
    database_outage,
    smtp_server,
    start_worker,
    wait_until,
    worker_log,
)
from tests.email_list.helpers import make_digest, make_subscribers

EMAIL_LIST_TABLES = ["email_list_digestsend", "email_list_digestitem", "email_list_digest", "email_list_consentrecord",
                     "email_list_listemail", "email_list_signuprequest", "email_list_subscription",
                     "email_list_subscriber", "email_list_mailinglist"]


@pytest.fixture
def fault_digest(committed_db):  # noqa: F811
    """A list with subscribers and a digest, committed for the worker processes; all removed afterwards."""

    def make(count):
        news = MailingList.objects.create(name="Fault test news")
        addresses = make_subscribers(news, count, prefix="fault")
        digest = make_digest(news)
        return digest, addresses

    DBTaskResult.objects.filter(backend_name="petitions").delete()
    yield make
    connections.close_all()
    with connection.cursor() as cursor:  # TRUNCATE: the consent history refuses row deletes, by design
        cursor.execute("TRUNCATE " + ", ".join(EMAIL_LIST_TABLES) + " CASCADE")
    DBTaskResult.objects.filter(backend_name="petitions").delete()
    WorkerHeartbeat.objects.all().delete()
    email_list_demo.build(None)  # the demo lists and subscribers the TRUNCATE removed, for the tests that follow


def finished(digest):
    return lambda: Digest_status(digest) == DigestStatus.SENT


def Digest_status(digest):
    digest.refresh_from_db()
    return digest.status


def assert_each_delivered_once(smtp_server, digest, addresses, kills=0):  # noqa: F811
    """No address twice, ever; every address once, except what the SMTP hand-over window can lose.

    SMTP has no exactly-once: the send commits "handed over" and then writes the final dot (at most
    once, see email_list/sending.py). A SIGKILL between that commit and the dot's write (a few
    microseconds) loses that one email: its row stays handed over, and it is never sent twice. So
    each kill may leave one address undelivered, only with its row in that state; nothing else may
    be missing, and nothing may arrive twice.
    """
    delivered = {address: smtp_server.delivered[address] for address in addresses}
    assert [address for address, count in delivered.items() if count > 1] == []
    missing = [address for address, count in delivered.items() if count == 0]
    handed_over = set(DigestSend.objects.filter(digest=digest, state=SendState.HANDED_OVER)
                      .values_list("subscriber__email", flat=True))
    assert len(missing) <= kills and set(missing) <= handed_over, (missing, handed_over)
    assert smtp_server.total_delivered() == len(addresses) - len(missing)
    states = sending.counts(digest)
    assert states[SendState.SENT] + states[SendState.HANDED_OVER] == len(addresses)
    assert states[SendState.HANDED_OVER] <= max(kills, 1)


def test_worker_killed_halfway_then_restarted(fault_digest, smtp_server, start_worker):  # noqa: F811
    digest, addresses = fault_digest(500)
    sending.start(digest, "fault-test", send_digest)
    first = start_worker()
    smtp_server.wait_for(lambda server: sum(server.delivered.values()) >= 200, what="half of the digest")
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert sum(smtp_server.delivered.values()) < 500, "the worker was killed too late to test anything"
    second = start_worker()
    wait_until(finished(digest), timeout=90, what="the rest of the digest")
    assert second.poll() is None, worker_log(second)
    assert_each_delivered_once(smtp_server, digest, addresses, kills=1)
    assert "Queued again" in worker_log(second)  # the killed run's task was picked up by the new worker


def test_worker_restarted_halfway_sends_each_email_exactly_once(fault_digest, smtp_server, start_worker):  # noqa: F811
    """A deploy's restart (SIGTERM) stops the worker within one email; the next worker sends the rest, each once."""
    digest, addresses = fault_digest(500)
    sending.start(digest, "fault-test", send_digest)
    first = start_worker()
    smtp_server.wait_for(lambda server: sum(server.delivered.values()) >= 150, what="part of the digest")
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=20) == 0, worker_log(first)
    delivered_by_first = sum(smtp_server.delivered.values())
    assert delivered_by_first < 500, "the first worker sent the whole digest before it stopped"
    assert sending.counts(digest)[SendState.RESERVED] == 0  # its unsent batch went back to the queue
    assert "worker stopping" in worker_log(first)
    second = start_worker()
    wait_until(finished(digest), timeout=90, what="the rest of the digest")
    assert second.poll() is None, worker_log(second)
    assert_each_delivered_once(smtp_server, digest, addresses)
    assert sending.counts(digest)[SendState.SENT] == 500  # none left "handed over": nothing was cut short


def test_database_restart_in_the_middle(fault_digest, smtp_server, start_worker, database_outage):  # noqa: F811
    digest, addresses = fault_digest(300)
    sending.start(digest, "fault-test", send_digest)
    worker = start_worker()
    smtp_server.wait_for(lambda server: sum(server.delivered.values()) >= 60, what="the first emails")
    with database_outage():
        pass
    wait_until(finished(digest), timeout=90, what="the digest after the restart")
    assert worker.poll() is None, worker_log(worker)
    assert_each_delivered_once(smtp_server, digest, addresses)
