"""Whether this worker process has been asked to stop (SIGTERM, SIGINT), for tasks that can pause.

django-tasks-db's worker lets the running task finish before it exits on the first SIGTERM. Most
tasks send one email and finish at once; a long one (a digest run sends for up to
``EMAIL_LIST_RUN_SECONDS``) asks ``requested()`` between emails and hands the rest of its work to
its successor, so a deploy or ``systemctl restart`` stops the worker within one email and loses
nothing: no email is cut in the middle.
"""

import threading

_asked = threading.Event()


def ask():
    """Called by the worker's signal handler."""
    _asked.set()


def requested():
    return _asked.is_set()


def reset():
    """For a worker started again in the same process (tests)."""
    _asked.clear()
