"""Production settings: everything secret or host-specific comes from the environment.

Refuses to start without a real SECRET_KEY. Static files are compressed and
hashed by whitenoise; run behind a TLS-terminating proxy that sets
X-Forwarded-Proto.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or "insecure" in SECRET_KEY or SECRET_KEY.startswith(("dev-only", "test-only")):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (at least 50 characters), for example the output of "
        "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, separated by commas.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# "preload" in the header only allows submitting the domain to browsers' HSTS preload list;
# SECURE_HSTS_PRELOAD=0 leaves it out.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Running at scale (README): every setting below is off unless its environment variable is set.

# Uploaded images and documents on S3-compatible object storage, shared by every app server.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Purge a CDN or caching proxy in front when a page is published (wagtail.contrib.frontend_cache).
# FRONTEND_CACHE_URLS: comma-separated purge addresses of caching proxies (nginx, Varnish), purged once
# the publish is committed (nnirr_site/frontend_cache.py);
# or CLOUDFLARE_API_TOKEN with CLOUDFLARE_ZONE_ID.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URLS"):
    for number, location in enumerate(env_list("FRONTEND_CACHE_URLS")):
        WAGTAILFRONTENDCACHE[f"proxy{number}"] = {
            "BACKEND": "nnirr_site.frontend_cache.AfterCommitHTTPBackend",
            "LOCATION": location,
        }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
