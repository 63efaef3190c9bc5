"""Fixtures for the fault suite: a real SMTP server, real worker processes, the embedded database restarted."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, connections

from tests.background.smtp_server import FaultySMTPServer
from tests.conftest import restore_demo_content

BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def committed_db(django_db_setup, django_db_blocker):
    """Database access without a test transaction: what the test writes is committed, so worker processes see it.

    The demo content stays as the session loaded it (no flush and reload, which cost
    20-50 s a test here); each test removes what it made (see ``fault_petition``).
    """
    from wagtail.models import Site

    with django_db_blocker.unblock():
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None or site.root_page.depth != 2:  # an earlier transactional test flushed it
            restore_demo_content()
        yield


@pytest.fixture
def fault_petition(committed_db, request, settings):
    """A fresh petition for one fault test; it and everything queued for it are deleted afterwards."""
    from django_tasks_db.models import DBTaskResult

    from campaigns.petitions.models import SignatureEmail
    from nnirr_site.background.models import WorkerHeartbeat
    from tests.campaigns.petition_helpers import make_petition

    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 10_000  # every test signer comes from one address
    DBTaskResult.objects.filter(backend_name="petitions").delete()
    petition = make_petition(slug=f"fault-{request.node.name[5:40].replace('_', '-')}")
    yield petition
    connections.close_all()
    SignatureEmail.objects.filter(signature__petition=petition).delete()
    petition.signatures.all().delete()
    petition.delete()
    DBTaskResult.objects.filter(backend_name="petitions").delete()
    WorkerHeartbeat.objects.all().delete()


@pytest.fixture
def smtp_server():
    server = FaultySMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def start_worker(smtp_server, tmp_path):
    """``start_worker()``: a real ``manage.py db_worker`` process on the test database and ``smtp_server``."""
    workers = []

    def start():
        log = open(tmp_path / f"worker-{len(workers)}.log", "w")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.background.worker_settings",
            "NNIRR_FAULT_DB_NAME": connection.settings_dict["NAME"],
            "NNIRR_FAULT_SMTP_PORT": str(smtp_server.port),
            "PYTHONUNBUFFERED": "1",
        }
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--backend", "petitions", "--no-reload",
             "--no-startup-delay", "--interval", "0.1"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        process.log_path = log.name
        workers.append((process, log))
        return process

    yield start
    for process, log in workers:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def worker_log(process):
    return Path(process.log_path).read_text()


def _embedded(action):
    subprocess.run([sys.executable, "-m", "nnirr_site.embedded_postgres", action], cwd=BASE_DIR, check=True,
                   stdout=subprocess.DEVNULL)


@pytest.fixture
def database_outage():
    """``with database_outage(): ...`` stops the embedded PostgreSQL server for the block, then starts it again."""
    if os.environ.get("DATABASE_URL"):
        pytest.skip("stops and starts the embedded PostgreSQL server; DATABASE_URL points elsewhere")
    from contextlib import contextmanager

    @contextmanager
    def outage():
        connections.close_all()
        _embedded("stop")
        try:
            yield
        finally:
            _embedded("start")
            connections.close_all()  # this process reconnects on its next query

    return outage


# How long a new worker process may take to start and reach its first email: seconds on a quiet
# machine, much more when make test runs beside other work (a clean-clone run at load 10 took over 30 s).
WORKER_START_SECONDS = 120


def wait_until(condition, timeout=60, what="a condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")
