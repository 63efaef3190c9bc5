"""What the worker records about itself: one heartbeat row per worker process."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A running worker's last sign of life, written every few seconds by a thread beside its loop.

    A task is RUNNING under the id of the worker that claimed it; when that
    worker's heartbeat stops (the process was killed, the machine went away),
    the task is found and queued again (``nnirr_site/background/recovery.py``).
    """

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    backend_name = models.CharField(_("backend"), max_length=32)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True)
    started_at = models.DateTimeField(_("started at"))
    last_seen_at = models.DateTimeField(_("last seen at"), db_index=True)
    last_poll_at = models.DateTimeField(_("last looked for tasks at"), null=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"
