"""A task queued inside an SQL statement (nnirr_site/background/queue_sql.py) is the row ``enqueue`` writes."""

import pytest
from django.core import mail
from django.db import connection, transaction
from django_tasks.signals import task_enqueued
from django_tasks_db.models import DBTaskResult

from bench.tasks import nothing
from campaigns.petitions.models import Signature, SignatureEmail
from campaigns.petitions.tasks import send_signature_email
from nnirr_site.background.queue_sql import QueuedTask
from tests.campaigns.petition_helpers import make_petition, run_queued_tasks, sign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def petition_settings(settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"

COMPARED = ["status", "args_kwargs", "priority", "task_path", "worker_ids", "queue_name", "backend_name",
            "run_after", "return_value", "exception_class_path", "traceback", "started_at", "finished_at"]


def queue_in_sql(task, argument):
    queued = QueuedTask(task)
    params, row = queued.params()
    params["argument"] = argument
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"WITH source AS (SELECT %(argument)s AS value) {queued.insert_sql('source', 'value')}", params)
        (task_id,) = cursor.fetchone()
    queued.enqueued(row, argument)
    return DBTaskResult.objects.get(pk=task_id)


def test_the_row_is_the_one_enqueue_writes():
    by_orm = DBTaskResult.objects.get(pk=nothing.enqueue(7).id)
    by_sql = queue_in_sql(nothing, 7)
    assert by_sql.pk != by_orm.pk
    for column in COMPARED:
        assert getattr(by_sql, column) == getattr(by_orm, column), column
    assert by_sql.args_kwargs == {"args": [7], "kwargs": {}}
    assert by_sql.enqueued_at is not None
    assert list(DBTaskResult.objects.ready().filter(pk__in=[by_orm.pk, by_sql.pk])) != []


def test_the_enqueued_signal_is_sent_with_the_stored_task():
    seen = []

    def receiver(sender, task_result, **kwargs):
        seen.append((task_result.id, task_result.args, task_result.task.module_path))

    task_enqueued.connect(receiver)
    try:
        stored = queue_in_sql(nothing, 3)
    finally:
        task_enqueued.disconnect(receiver)
    assert seen == [(str(stored.pk), [3], nothing.module_path)]


def test_a_signature_queues_its_email_in_the_same_statement_and_the_worker_sends_it(client):
    petition = make_petition(slug="queued-in-sql")
    before = DBTaskResult.objects.count()
    assert sign(client, petition, email="queued@example.org").status_code == 303
    signature = Signature.objects.get(petition=petition, email="queued@example.org")
    email = SignatureEmail.objects.get(signature=signature)
    (task,) = DBTaskResult.objects.order_by("-enqueued_at")[: DBTaskResult.objects.count() - before]
    assert task.task_path == send_signature_email.module_path
    assert task.backend_name == "petitions" and task.status == "READY"
    assert task.args_kwargs == {"args": [email.pk], "kwargs": {}}
    mail.outbox.clear()
    assert run_queued_tasks() == 1
    assert [message.to for message in mail.outbox] == [["queued@example.org"]]
    email.refresh_from_db()
    assert email.sent_at is not None


def test_a_repeat_or_a_used_stamp_queues_no_task(client):
    petition = make_petition(slug="queued-in-sql-repeat")
    sign(client, petition, email="twice@example.org")
    run_queued_tasks()
    count = DBTaskResult.objects.filter(task_path=send_signature_email.module_path, status="READY").count()
    # The repeat queues its one "already signed" email (through enqueue), and nothing else.
    sign(client, petition, email="twice@example.org")
    ready = DBTaskResult.objects.filter(task_path=send_signature_email.module_path, status="READY")
    assert ready.count() == count + 1
