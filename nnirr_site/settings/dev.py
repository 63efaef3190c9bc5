"""Development settings: debug on, emails printed to the console, a throwaway secret."""

import os

from .base import *  # noqa: F401,F403
from .base import WAGTAILADMIN_BASE_URL, env_list

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"


def local_address(host, port):
    """Where runserver on ``host``:``port`` is reached from this machine (0.0.0.0 listens on 127.0.0.1 too)."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1", "[::]": "::1"}.get(host, host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


# Links in emails, feeds and share text lead to this server: `make run` passes HOST and PORT.
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL or local_address(
    os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
)

# Static files come straight from the finders here; whitenoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# The demo admin login (make run) goes straight in without a second factor. Development only:
# production and test settings keep two-factor authentication required for every staff account.
NNIRR_DEV_SKIP_2FA = True

# Template and content changes show at once while developing.
PAGE_CACHE_SECONDS = 0
PETITION_PAGE_CACHE_SECONDS = 0
