"""Finding tasks that a dead worker left RUNNING, and queueing them again.

A worker marks a task RUNNING under its own id before running it. If the
process is killed (``kill -9``, out of memory, the machine restarts) the row
stays RUNNING for ever and nobody runs it again. A task is taken to be
abandoned, and is made READY again, when

- the worker that claimed it last has no fresh heartbeat (it stopped
  writing one ``TASK_WORKER_STALE_SECONDS`` ago, or never did), or
- it has been running longer than ``TASK_LEASE_SECONDS`` (a worker that is
  alive but stuck).

Queueing a task again is safe because every task the site runs is idempotent:
the email task checks, under a row lock, whether its email was already
recorded as sent, and sends only if not.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from nnirr_site.background.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

REQUEUE_ABANDONED = f"""
UPDATE {DBTaskResult._meta.db_table} AS task
SET status = %(ready)s, run_after = %(now)s
WHERE task.status = %(running)s AND task.backend_name = %(backend)s
  AND (task.started_at < %(lease_start)s OR NOT EXISTS (
      SELECT 1 FROM {WorkerHeartbeat._meta.db_table} AS beat
      WHERE beat.worker_id = task.worker_ids ->> -1 AND beat.last_seen_at >= %(fresh_since)s))
RETURNING task.id
"""


def requeue_abandoned(backend_name, now=None):
    """Make abandoned RUNNING tasks of ``backend_name`` READY again; return how many."""
    now = now or timezone.now()
    params = {
        "ready": TaskResultStatus.READY,
        "running": TaskResultStatus.RUNNING,
        "backend": backend_name,
        "now": now,
        "lease_start": now - timedelta(seconds=settings.TASK_LEASE_SECONDS),
        "fresh_since": now - timedelta(seconds=settings.TASK_WORKER_STALE_SECONDS),
    }
    with connection.cursor() as cursor:
        cursor.execute(REQUEUE_ABANDONED, params)
        ids = [row[0] for row in cursor.fetchall()]
    if ids:
        logger.warning("Queued again %d task(s) left running by a worker that stopped: %s",
                       len(ids), ", ".join(str(task_id) for task_id in ids))
    # Heartbeats of workers gone for a day only clutter the health report.
    WorkerHeartbeat.objects.filter(last_seen_at__lt=now - timedelta(days=1)).delete()
    return len(ids)
