"""The worker's heartbeat: a row it refreshes from a thread of its own, even while a task runs.

Other workers read it to tell a live worker's RUNNING task from an abandoned
one (``recovery.py``); ``/health/`` reads it to tell whether any worker is
alive. The thread uses its own database connection and shrugs off a
database outage: it simply beats again once the server is back.
"""

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from nnirr_site.background.database import reset_connection, retry_on_db_error
from nnirr_site.background.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


class Heartbeat:
    """Start with :meth:`start` (writes the first beat before returning), end with :meth:`stop`."""

    def __init__(self, worker_id, backend_name):
        self.worker_id = worker_id
        self.backend_name = backend_name
        self._stopped = threading.Event()
        self._thread = None
        self._last_poll_noted = 0.0

    def start(self):
        now = timezone.now()
        retry_on_db_error(
            lambda: WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={"backend_name": self.backend_name, "hostname": socket.gethostname()[:255],
                          "pid": os.getpid(), "started_at": now, "last_seen_at": now},
            ),
            what="record the worker's first heartbeat",
            give_up_after=float("inf"),
        )
        self._thread = threading.Thread(target=self._beat, name="worker-heartbeat", daemon=True)
        self._thread.start()

    def polled(self):
        """Note that the worker just looked for tasks (from the worker's loop, on its connection).

        At most once a second: a busy worker polls after every task, and a write per task would
        slow the queue down.
        """
        if time.monotonic() - self._last_poll_noted < 1:
            return
        now = timezone.now()
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(last_poll_at=now, last_seen_at=now)
        self._last_poll_noted = time.monotonic()

    def _beat(self):
        try:
            while not self._stopped.wait(settings.TASK_WORKER_HEARTBEAT_SECONDS):
                try:
                    WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(last_seen_at=timezone.now())
                except DatabaseError as exc:
                    logger.info("Heartbeat not written (%s); trying again in a moment.", type(exc).__name__)
                    reset_connection()
        finally:
            connection.close()

    def stop(self):
        """Stop beating and remove the row: a worker that stopped cleanly holds no task."""
        self._stopped.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:
            logger.info("Heartbeat row not removed; it expires on its own.")
