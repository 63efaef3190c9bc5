"""Test settings: real PostgreSQL (embedded unless DATABASE_URL is set), in-memory email."""

import os

from .base import *  # noqa: F401,F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test client's host: absolute links built on the site's address lead back to it.
WAGTAILADMIN_BASE_URL = "http://testserver"
# Two test runs at once (say, two clones) need different test databases.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("NNIRR_TEST_DB_NAME", "test_nnirr")}

# Static files come straight from the finders here; whitenoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# Off unless a test turns it on: most tests change content inside a transaction that never commits.
PAGE_CACHE_SECONDS = 0
PETITION_PAGE_CACHE_SECONDS = 0
