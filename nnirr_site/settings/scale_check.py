"""Settings for ``make scale-check`` (scripts/scale_check/): production settings on loopback.

Two gunicorn instances run with these settings behind nginx, sharing Redis (``REDIS_URL``, set by the
driver, makes production.py's base choose RedisCache) and the ``scale_check`` database on the embedded
PostgreSQL server. Built on the loopback settings (``loopback.py``: production on plain HTTP, emails
to files, nginx as the one trusted proxy), with a fixed secret, emails in ``SCALE_CHECK_MAIL_DIR`` so
the driver can follow the confirmation link another process sent, and a fill time of one second so
the driver's real form POST passes the abuse checks quickly.
"""

import os

os.environ.setdefault("SECRET_KEY", "scale-check-fixed-secret-used-only-on-loopback-by-make-scale-check-0123456789")
from .loopback import *  # noqa: E402,F401,F403

SUPPORTER_MIN_FILL_SECONDS = 1
EMAIL_FILE_PATH = os.environ.get("SCALE_CHECK_MAIL_DIR", "/tmp/nnirr-scale-check-mail")
