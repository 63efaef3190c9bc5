"""What nnirr_site/settings/production.py changes, applied to a test, so a request meets the site as deployed.

``production_settings(settings)`` reads the production module with a documented environment and
applies every setting it sets differently from the shared base (security headers, secure cookies,
the HTTPS redirect, allowed hosts), plus the page caches that test.py switches off. The test
database, cache, storage and secret stay the test ones. Requests then come through the TLS proxy:
pass ``**HTTPS`` to the test client.
"""

import os
import runpy
import sys
from unittest import mock

import nnirr_site.settings
from nnirr_site.settings import base

SITE_URL = "https://nnirr.example.org"
HOSTS = ["nnirr.example.org", "127.0.0.1"]  # the proxy's health check asks for 127.0.0.1
HTTPS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "nnirr.example.org"}
KEPT_FROM_TEST = {"DATABASES", "CACHES", "STORAGES", "SECRET_KEY", "INSTALLED_APPS", "MIDDLEWARE"}
ENVIRONMENT = {
    "SECRET_KEY": "x" * 20 + "a-strong-production-secret-for-testing-only-0123456789",
    "ALLOWED_HOSTS": ",".join(HOSTS),
    "CSRF_TRUSTED_ORIGINS": SITE_URL,
    "SITE_URL": SITE_URL,
    "WAGTAILADMIN_BASE_URL": SITE_URL,
    "DATABASE_URL": "postgres://unused@localhost/unused",
}


def production_values():
    """Settings whose production value (base.py read afresh in that environment) differs from the tests' base."""
    name = "nnirr_site.settings.base"
    with mock.patch.dict(os.environ, ENVIRONMENT):
        del sys.modules[name]
        try:
            namespace = runpy.run_module("nnirr_site.settings.production")
        finally:
            sys.modules[name] = nnirr_site.settings.base = base
    return {
        name: value
        for name, value in namespace.items()
        if name.isupper() and name not in KEPT_FROM_TEST and getattr(base, name, object()) != value
    }


def production_settings(settings):
    """Apply production's settings to pytest-django's ``settings`` fixture (undone after the test)."""
    for name, value in production_values().items():
        setattr(settings, name, value)
    settings.PAGE_CACHE_SECONDS = base.PAGE_CACHE_SECONDS
    settings.PETITION_PAGE_CACHE_SECONDS = base.PETITION_PAGE_CACHE_SECONDS
    settings.WAGTAILADMIN_BASE_URL = SITE_URL
    return settings
