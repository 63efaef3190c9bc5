"""WSGI entry point for gunicorn; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nnirr_site.settings.production")

application = get_wsgi_application()

from django.core.signals import request_finished  # noqa: E402 - after Django is set up

from nnirr_site import gc_freeze  # noqa: E402

gc_freeze.install(request_finished)
