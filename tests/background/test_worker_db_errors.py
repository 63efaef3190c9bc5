"""A database error inside a task does not end it FAILED: the worker queues it again and it runs once the database is back."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.petitions import tasks
from campaigns.petitions.models import SignatureEmail
from tests.campaigns.petition_helpers import make_petition, sign

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)


def test_database_error_in_the_send_task_is_retried(client, demo_site, settings, monkeypatch):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    mail.outbox = []
    petition = make_petition(slug="db-error-in-task")
    sign(client, petition, email="retry@example.org")
    real_claim = tasks._claim_email
    failures = iter([OperationalError("server closed the connection unexpectedly")])

    def claim_once_broken(*args):
        for exc in failures:
            raise exc
        return real_claim(*args)

    monkeypatch.setattr(tasks, "_claim_email", claim_once_broken)
    run_worker()
    [task] = DBTaskResult.objects.filter(backend_name="petitions", args_kwargs__args__0__isnull=False).exclude(
        status="SUCCESSFUL"
    )
    assert task.status == "READY"  # queued again, not FAILED
    assert mail.outbox == []

    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())  # its short back-off passes
    run_worker()
    assert [message.to for message in mail.outbox] == [["retry@example.org"]]
    assert SignatureEmail.objects.get(signature__petition=petition).sent_at is not None
    assert DBTaskResult.objects.get(pk=task.pk).status == "SUCCESSFUL"
    assert not DBTaskResult.objects.filter(backend_name="petitions", status="FAILED").exists()
