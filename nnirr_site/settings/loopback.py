"""Production settings on plain-HTTP loopback: the base of ``make bench`` and ``make scale-check``, never a real site.

Importers set their own ``SECRET_KEY`` (and anything else read from the environment) before
importing this. Differences from production, all because the site runs on 127.0.0.1 without TLS:
no SSL redirect, HSTS or secure cookies, plain static storage (nothing collected), emails written
to files (the importer sets ``EMAIL_FILE_PATH``) so a driver can follow the confirmation links a
worker sent, and one trusted proxy: supporters are told apart by X-Forwarded-For, so the
per-address rate limit still runs.
"""

import os

os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1")
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
SUPPORTER_TRUSTED_PROXIES = 1
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
