"""Settings for ``make scale-check`` (scripts/scale_check/): production settings on loopback.

Two gunicorn instances run with these settings behind nginx, sharing Redis (``REDIS_URL``, set by the
driver, makes production.py's base choose RedisCache) and the ``scale_check`` database on the embedded
PostgreSQL server. Differences from production, all because everything runs over plain HTTP on
127.0.0.1: a fixed secret, no SSL redirect or secure cookies, plain static storage, emails written to
files (``SCALE_CHECK_MAIL_DIR``) so the driver can follow the confirmation link another process sent,
and a fill time of one second so the driver's real form POST passes the abuse checks quickly.
"""

import os

os.environ.setdefault("SECRET_KEY", "scale-check-fixed-secret-used-only-on-loopback-by-make-scale-check-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ["SECURE_SSL_REDIRECT"] = "0"

from .production import *  # noqa: E402,F401,F403

DEBUG = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SUPPORTER_MIN_FILL_SECONDS = 1
SUPPORTER_TRUSTED_PROXIES = 1  # nginx in front sets X-Forwarded-For
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("SCALE_CHECK_MAIL_DIR", "/tmp/nnirr-scale-check-mail")
