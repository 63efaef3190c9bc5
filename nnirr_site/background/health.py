"""What a load balancer or monitor needs to know: can we reach the database and cache, is a worker alive.

Used by ``/health/`` (web: database and cache; 503 when either is down, so a
load balancer stops sending visitors to a process that cannot serve them),
``/health/worker/`` (503 when no worker has beaten recently or a due email
has waited too long, for a monitor that restarts or pages) and
``manage.py health``. Nothing personal is reported: counts and times only.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Case, Count, F, Min, When
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import task_backends
from django_tasks_db.models import DBTaskResult, get_date_max

from nnirr_site.background.models import WorkerHeartbeat


def database_backends():
    """Names of the task backends a ``db_worker`` serves (``petitions`` today)."""
    return [name for name in settings.TASKS if isinstance(task_backends[name], DatabaseBackend)]


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True}


def check_cache():
    key, value = "health-check", uuid.uuid4().hex
    try:
        cache.set(key, value, 30)
        ok = cache.get(key) == value
    except Exception as exc:  # any cache backend's own error type
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": ok} if ok else {"ok": False, "error": "value not read back"}


def _iso(moment):
    return moment.isoformat() if moment else None


def check_worker(backend_name, now):
    """Worker liveness for one backend: live workers, last poll, queue length and the oldest due task's wait."""
    fresh_since = now - timedelta(seconds=settings.TASK_WORKER_STALE_SECONDS)
    beats = WorkerHeartbeat.objects.filter(backend_name=backend_name, last_seen_at__gte=fresh_since)
    live_workers = beats.count()
    last_poll = beats.order_by(F("last_poll_at").desc(nulls_last=True)).values_list("last_poll_at", flat=True).first()
    due = DBTaskResult.objects.ready().filter(backend_name=backend_name)
    queued = due.aggregate(
        count=Count("pk"),
        # A task queued for "as soon as possible" has the far-future run_after; it has waited since enqueued.
        oldest=Min(Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))),
    )
    running = DBTaskResult.objects.filter(backend_name=backend_name, status=TaskResultStatus.RUNNING).count()
    oldest_age = (now - queued["oldest"]).total_seconds() if queued["oldest"] else 0.0
    alive = live_workers > 0
    return {
        "ok": alive and oldest_age <= settings.HEALTH_MAX_QUEUE_WAIT_SECONDS,
        "live_workers": live_workers,
        "last_poll_at": _iso(last_poll),
        "queued_due": queued["count"],
        "oldest_due_task_age_seconds": round(oldest_age, 1),
        "running": running,
    }


def report(include_worker=True):
    """The whole report; ``ok`` is false when the database or cache fails (or, with the worker, any worker check)."""
    now = timezone.now()
    result = {"time": _iso(now), "database": check_database(), "cache": check_cache()}
    if include_worker:
        if result["database"]["ok"]:
            result["workers"] = {name: check_worker(name, now) for name in database_backends()}
        else:
            result["workers"] = {name: {"ok": False, "error": "database unavailable"} for name in database_backends()}
    parts = [result["database"], result["cache"], *result.get("workers", {}).values()]
    result["ok"] = all(part["ok"] for part in parts)
    return result
