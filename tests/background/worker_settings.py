"""Settings for the worker processes the fault tests start: the test database, a real SMTP server, short timers."""

import os

from nnirr_site.settings.test import *  # noqa: F401,F403
from nnirr_site.settings.test import DATABASES

DATABASES["default"]["NAME"] = os.environ["NNIRR_FAULT_DB_NAME"]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["NNIRR_FAULT_SMTP_PORT"])
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_TIMEOUT = 10

TASK_WORKER_HEARTBEAT_SECONDS = 0.5
TASK_WORKER_STALE_SECONDS = 3
TASK_WORKER_MAX_BACKOFF_SECONDS = 1
SUPPORTER_EMAIL_RETRY_SECONDS = 0.5

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
