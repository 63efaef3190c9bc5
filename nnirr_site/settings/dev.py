"""Development settings: debug on, emails printed to the console, a throwaway secret."""

from .base import *  # noqa: F401,F403
from .base import env_list

DEBUG = True
SECRET_KEY = "dev-only-secret-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static files come straight from the finders here; whitenoise serves collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# The demo admin login (make run) goes straight in without a second factor. Development only:
# production and test settings keep two-factor authentication required for every staff account.
NNIRR_DEV_SKIP_2FA = True

# Template and content changes show at once while developing.
PAGE_CACHE_SECONDS = 0
PETITION_PAGE_CACHE_SECONDS = 0
