"""Riding out a database restart: which errors mean "the server went away" and how to wait for it.

A worker that exits on the first ``OperationalError`` leaves every queued
email waiting for a person to restart it. Instead the worker, and the few
writes that must not be lost (recording that an email was sent, a task's
result), close the broken connection and try again with back-off until the
server is back or a time limit passes.
"""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

logger = logging.getLogger(__name__)

# What a stopped, restarting or unreachable server raises through Django (psycopg2's errors are wrapped).
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)


def reset_connection():
    """Drop this thread's broken connection; the next query opens a new one."""
    try:
        connection.close()
    except Exception:  # closing a dead connection may fail too; it is gone either way
        logger.debug("Closing the broken database connection failed", exc_info=True)


def back_off(attempt, *, first=0.5, most=None):
    """Seconds to wait before try ``attempt`` (1, 2, ...): ``first``, doubling, at most ``most``."""
    most = settings.TASK_WORKER_MAX_BACKOFF_SECONDS if most is None else most
    return min(first * 2 ** max(attempt - 1, 0), most)


def retry_on_db_error(operation, *, what, give_up_after=None, sleep=time.sleep):
    """Run ``operation()``; while the database is unreachable, reconnect and run it again.

    Gives up (re-raising the last error) after ``give_up_after`` seconds
    (``TASK_DB_RETRY_SECONDS``). Inside a transaction nothing can be retried
    (the transaction is lost with its connection), so the error is raised at once.
    """
    give_up_after = settings.TASK_DB_RETRY_SECONDS if give_up_after is None else give_up_after
    deadline = time.monotonic() + give_up_after
    attempt = 0
    while True:
        try:
            return operation()
        except TRANSIENT_DB_ERRORS as exc:
            if connection.in_atomic_block:
                raise
            attempt += 1
            delay = back_off(attempt)
            if time.monotonic() + delay > deadline:
                logger.error("Database still unreachable; could not %s: %s", what, exc)
                raise
            logger.warning("Database unreachable while trying to %s (%s); retrying in %.1f s.",
                           what, type(exc).__name__, delay)
            reset_connection()
            sleep(delay)
