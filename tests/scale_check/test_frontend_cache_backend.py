"""FRONTEND_CACHE_URLS's backend purges only once the publish's transaction has committed."""

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend

from nnirr_site.frontend_cache import AfterCommitHTTPBackend


def test_purge_waits_for_commit(monkeypatch, django_capture_on_commit_callbacks, db):
    sent = []
    monkeypatch.setattr(HTTPBackend, "purge", lambda self, url: sent.append((self.cache_netloc, url)))
    backend = AfterCommitHTTPBackend({"LOCATION": "http://127.0.0.1:8080"})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            backend.purge("http://example.org/about/")
            assert sent == []  # not inside the transaction
    assert len(callbacks) == 1
    assert sent == [("127.0.0.1:8080", "http://example.org/about/")]
