"""/health/ for load balancers, /health/worker/ and manage.py health for monitors."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.petitions.tasks import send_signature_email
from nnirr_site.background.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def beat(ago=0, polled=True):
    moment = timezone.now() - timedelta(seconds=ago)
    WorkerHeartbeat.objects.create(worker_id=f"w{ago}", backend_name="petitions", started_at=moment,
                                   last_seen_at=moment, last_poll_at=moment if polled else None)


def test_web_health_reports_database_and_cache_and_is_never_cached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and body["database"]["ok"] and body["cache"]["ok"]
    assert "no-cache" in response["Cache-Control"]
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def test_web_health_stays_up_without_a_worker_but_worker_health_does_not(client):
    assert client.get("/health/").status_code == 200
    response = client.get("/health/worker/")
    assert response.status_code == 503
    assert response.json()["workers"]["petitions"]["live_workers"] == 0


def test_worker_health_needs_a_fresh_heartbeat(client, settings):
    settings.TASK_WORKER_STALE_SECONDS = 30
    beat(ago=120)  # a worker that died
    assert client.get("/health/worker/").status_code == 503
    beat(ago=1)
    response = client.get("/health/worker/")
    assert response.status_code == 200
    petitions = response.json()["workers"]["petitions"]
    assert petitions["live_workers"] == 1 and petitions["last_poll_at"]


def test_worker_health_fails_when_a_due_task_waited_too_long(client, settings):
    settings.HEALTH_MAX_QUEUE_WAIT_SECONDS = 300
    beat()
    result = send_signature_email.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/health/worker/")
    assert response.status_code == 503
    petitions = response.json()["workers"]["petitions"]
    assert petitions["queued_due"] == 1 and petitions["oldest_due_task_age_seconds"] >= 600
    # A retry waiting for its back-off is not overdue.
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now() + timedelta(minutes=5))
    assert client.get("/health/worker/").status_code == 200


def test_health_command_exit_status(capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("health")
    assert exited.value.code == 1
    assert json.loads(capsys.readouterr().out)["workers"]["petitions"]["ok"] is False
    call_command("health", "--web")  # database and cache only: healthy, so no exit
    assert json.loads(capsys.readouterr().out)["ok"] is True
    beat()
    call_command("health")  # a live worker: healthy
    assert json.loads(capsys.readouterr().out)["workers"]["petitions"]["ok"] is True
