"""Tasks a dead worker left RUNNING are queued again; a live worker's are left alone; nothing is sent twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.petitions.models import SignatureEmail
from campaigns.petitions.tasks import send_signature_email
from nnirr_site.background.models import WorkerHeartbeat
from nnirr_site.background.recovery import requeue_abandoned
from tests.campaigns.petition_helpers import make_petition, run_queued_tasks, sign

pytestmark = pytest.mark.django_db


def running_task(worker_id, started_ago=1, email_id=1):
    result = send_signature_email.enqueue(email_id)
    task = DBTaskResult.objects.get(pk=result.id)
    task.claim(worker_id)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(seconds=started_ago))
    return task


def beat(worker_id, ago=0):
    moment = timezone.now() - timedelta(seconds=ago)
    WorkerHeartbeat.objects.create(worker_id=worker_id, backend_name="petitions", started_at=moment,
                                   last_seen_at=moment)


def status(task):
    return DBTaskResult.objects.get(pk=task.pk).status


def test_task_of_a_worker_that_stopped_beating_is_queued_again(settings):
    settings.TASK_WORKER_STALE_SECONDS = 30
    beat("alive", ago=1)
    beat("dead", ago=120)
    alive, dead, never = running_task("alive"), running_task("dead"), running_task("never-beat")
    assert requeue_abandoned("petitions") == 2
    assert status(alive) == "RUNNING"
    assert status(dead) == "READY" and status(never) == "READY"
    assert DBTaskResult.objects.get(pk=dead.pk).run_after <= timezone.now()


def test_task_running_past_its_lease_is_queued_again_even_if_its_worker_beats(settings):
    settings.TASK_LEASE_SECONDS = 600
    beat("alive")
    stuck = running_task("alive", started_ago=601)
    assert requeue_abandoned("petitions") == 1
    assert status(stuck) == "READY"


def test_other_backends_and_finished_tasks_are_left_alone():
    task = running_task("dead")
    DBTaskResult.objects.filter(pk=task.pk).update(backend_name="other")
    done = running_task("dead")
    DBTaskResult.objects.filter(pk=done.pk).update(status="SUCCESSFUL")
    assert requeue_abandoned("petitions") == 0


def test_a_requeued_email_whose_send_was_recorded_is_not_sent_again(client, settings):
    """Killed after recording the send, before recording the task's result: the email does not go twice."""
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    petition = make_petition(slug="recovery-sent")
    sign(client, petition, email="once@example.org")
    mail.outbox = []
    assert run_queued_tasks() == 1
    assert len(mail.outbox) == 1
    email = SignatureEmail.objects.get(signature__petition=petition)
    [task] = DBTaskResult.objects.filter(backend_name="petitions", args_kwargs__args=[email.pk])
    DBTaskResult.objects.filter(pk=task.pk).update(status="RUNNING", worker_ids=["killed"])
    assert requeue_abandoned("petitions") == 1
    assert run_queued_tasks() == 1
    assert len(mail.outbox) == 1


def test_a_requeued_email_whose_send_was_not_recorded_is_sent(client, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    petition = make_petition(slug="recovery-unsent")
    sign(client, petition, email="later@example.org")
    mail.outbox = []
    [task] = DBTaskResult.objects.filter(backend_name="petitions", status="READY")
    task.claim("killed-before-sending")
    assert run_queued_tasks() == 0  # RUNNING: no worker would pick it up...
    assert requeue_abandoned("petitions") == 1  # ...until it is found
    assert run_queued_tasks() == 1
    assert [message.to for message in mail.outbox] == [["later@example.org"]]
