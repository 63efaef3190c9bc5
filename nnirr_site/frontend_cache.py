"""Purging a caching proxy in front (nginx, Varnish) only once the publish has been committed.

``wagtail.contrib.frontend_cache`` sends its purge from the ``page_published`` signal, inside the
publish's database transaction. A proxy that answers a purge by fetching the page again (our nginx
configuration, scripts/scale_check/nginx.conf.template) would then get the old page: the new revision
is not committed yet and the app's own page cache (``nnirr_site/core/page_cache.py``) still holds the
old generation. ``make scale-check`` saw exactly that: nginx kept the old title after a publish. This
backend is Wagtail's ``HTTPBackend`` with each purge deferred to ``transaction.on_commit`` (run at once
outside a transaction).
"""

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend


class AfterCommitHTTPBackend(HTTPBackend):
    def purge(self, url):
        transaction.on_commit(lambda: HTTPBackend.purge(self, url))
