"""Counting the SQL queries of one request, after a warm-up request, for the listings' query-count tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """Queries of a GET of ``url`` once caches (site root paths, image renditions) are warm."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)
