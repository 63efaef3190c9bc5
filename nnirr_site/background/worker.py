"""A django-tasks-db worker that keeps going through database restarts and never drops a task.

The library's worker exits on the first database error (while polling or while
recording a result), and a task interrupted by that, or by ``kill -9``, stays
RUNNING for ever. This one

- catches a lost database in its loop, reconnects with back-off and goes on;
- writes a heartbeat from a thread, and every few seconds queues again the
  tasks whose worker has stopped beating (``recovery.py``);
- queues a task again, instead of marking it FAILED, when the database went
  away while it ran, or when the worker is stopped in the middle of it;
- records each result with retries, so a task that finished is not run twice
  because its result could not be written for a few seconds;
- on SIGTERM lets the running task finish as the library does, and tells tasks
  that can pause (``stopping.py``) so a long one stops within one email.
"""

import logging
import random
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.compat import TaskContext, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from nnirr_site.background.database import TRANSIENT_DB_ERRORS, back_off, reset_connection, retry_on_db_error
from nnirr_site.background.heartbeat import Heartbeat
from nnirr_site.background import stopping
from nnirr_site.background.recovery import requeue_abandoned

logger = logging.getLogger(__name__)


class ResilientWorker(Worker):
    """Same options and queue as django-tasks-db's ``Worker``; see the module docstring for what differs."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.heartbeat = Heartbeat(self.worker_id, self.backend_name)
        self._next_recovery = 0.0
        self._db_failures = 0

    def shutdown(self, signum, frame):
        """The library's graceful stop, and tasks that can pause are told (``stopping.py``)."""
        stopping.ask()
        super().shutdown(signum, frame)

    def run(self):
        stopping.reset()
        logger.info("Worker %s starting on backend %r, queues %s", self.worker_id, self.backend_name,
                    ",".join(self.queue_names))
        self.heartbeat.start()
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # several workers started together do not poll in step
        try:
            self._loop()
        finally:
            self.heartbeat.stop()
            logger.info("Worker %s stopped.", self.worker_id)

    def _loop(self):
        while self.running:
            close_old_connections()
            try:
                self._recover_if_due()
                task_result = self._claim_next()
                self.heartbeat.polled()
            except TRANSIENT_DB_ERRORS as exc:
                self._database_lost(exc)
                continue
            if self._db_failures:
                logger.warning("Database reachable again; worker %s goes on.", self.worker_id)
                self._db_failures = 0
            if task_result is not None:
                self.run_task(task_result)
            elif self.batch:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)

    def _database_lost(self, exc):
        self._db_failures += 1
        delay = back_off(self._db_failures)
        logger.warning("Database unavailable (%s: %s); worker %s tries again in %.1f s.",
                       type(exc).__name__, str(exc).strip().splitlines()[0] if str(exc).strip() else "",
                       self.worker_id, delay)
        reset_connection()
        if self.running:
            time.sleep(delay)

    def _recover_if_due(self):
        if time.monotonic() >= self._next_recovery:
            requeue_abandoned(self.backend_name)
            self._next_recovery = time.monotonic() + settings.TASK_WORKER_HEARTBEAT_SECONDS

    def _claim_next(self):
        """Lock the next ready task (skipping ones other workers hold), mark it RUNNING under our id."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with transaction.atomic(using=tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def run_task(self, db_task_result):
        """Run one claimed task and record how it ended; a task the database or a stop interrupted runs again."""
        self.running_task = True
        backend_type = type(self)  # the signal's sender until the task's own backend is known
        try:
            task = db_task_result.task
            backend_type = type(task.get_backend())
            task_result = db_task_result.task_result
            task_started.send(sender=backend_type, task_result=task_result)
            if task.takes_context:
                value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
        except TRANSIENT_DB_ERRORS as exc:
            logger.warning("Task %s was interrupted by the database (%s); it will run again.",
                           db_task_result.id, type(exc).__name__)
            reset_connection()
            self._requeue(db_task_result, delay=back_off(1))
        except (KeyboardInterrupt, SystemExit):
            logger.warning("Worker stopped while task %s ran; it will run again.", db_task_result.id)
            self._requeue(db_task_result, delay=0)
            raise
        except BaseException as exc:  # the task's own failure: recorded, as django-tasks-db does
            logger.warning("Task %s failed: %s", db_task_result.id, type(exc).__name__)
            retry_on_db_error(lambda: db_task_result.set_failed(exc), what=f"record task {db_task_result.id} failed")
            try:
                task_finished.send(sender=backend_type, task_result=db_task_result.task_result)
            except Exception:  # a task whose code is gone has no result object to announce
                logger.exception("Task %s failed and cannot be described", db_task_result.id)
        else:
            retry_on_db_error(lambda: db_task_result.set_successful(value),
                              what=f"record task {db_task_result.id} done")
            task_finished.send(sender=backend_type, task_result=db_task_result.task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _requeue(self, db_task_result, delay):
        run_after = timezone.now() + timedelta(seconds=delay)

        def requeue():
            DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, run_after=run_after
            )

        try:
            retry_on_db_error(requeue, what=f"queue task {db_task_result.id} again")
        except TRANSIENT_DB_ERRORS:
            # Still RUNNING under our id; once our heartbeat stops, another worker (or we, restarted)
            # will find it (recovery.py).
            logger.error("Task %s stays RUNNING until the recovery check finds it.", db_task_result.id)
