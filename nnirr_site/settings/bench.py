"""Benchmark settings: production settings on loopback, with a fixed secret and test-only shortcuts.

Used only by ``make bench`` (``bench/``): gunicorn serves the site on 127.0.0.1 against
its own database. Differences from production: a fixed bench secret, plain HTTP (no
SSL redirect, no secure cookies), the minimum form fill time at 0 (simulated
supporters post at once), plain static storage (nothing collected) and emails written
to files the benchmark reads to find confirmation links. Supporters are told apart by
X-Forwarded-For, as behind one trusted proxy, so the per-address rate limit still runs.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-fixed-secret-key-used-only-on-loopback-for-make-bench-0123456789")
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
SUPPORTER_MIN_FILL_SECONDS = 0
SUPPORTER_TRUSTED_PROXIES = 1
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("BENCH_EMAIL_DIR", "/tmp/nnirr-bench-mail")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8765")
# The site's URLs plus a bare "hello" view the page benchmark compares against (bench/urls.py).
ROOT_URLCONF = "bench.urls"
