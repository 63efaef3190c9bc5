"""Cached pages under production settings carry the same headers as the first response.

Issue 12, finding 9: a page answered from the anonymous page cache lost X-Frame-Options.
"""

import pytest
from django.test import Client

from campaigns.petitions.views import shared_page_key
from tests.campaigns.petition_helpers import make_petition
from tests.security.production import HTTPS, production_settings

pytestmark = pytest.mark.django_db

FORGED = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "127.0.0.1:6666"}
# Headers that may differ between two responses for the same page.
PER_RESPONSE = {"date", "x-page-cache"}
SECURITY = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Strict-Transport-Security",
]
# Vary is absent where nothing varies (a path with a language prefix).
CACHING = ["Vary", "Cache-Control", "Content-Language", "Content-Type"]


@pytest.fixture(autouse=True)
def production(settings):
    production_settings(settings)


def header_set(response):
    return {name.lower(): value for name, value in response.items() if name.lower() not in PER_RESPONSE}


@pytest.mark.parametrize("path", ["/", "/es/", "/about/", "/robots.txt"])
def test_a_page_from_the_cache_has_exactly_the_headers_of_the_first_response(path):
    miss = Client().get(path, **HTTPS)
    hit = Client().get(path, **HTTPS)
    assert (miss.status_code, miss["X-Page-Cache"]) == (200, "miss")
    assert (hit.status_code, hit["X-Page-Cache"]) == (200, "hit")
    assert header_set(hit) == header_set(miss)
    for name in SECURITY + CACHING:
        assert hit.get(name) == miss.get(name), name
    for name in SECURITY:
        assert hit[name], name
    assert hit["X-Frame-Options"] == "DENY"
    assert hit.content == miss.content


def test_a_shared_petition_page_has_exactly_the_headers_of_the_first_response():
    petition = make_petition()
    first = Client().get(petition.url, **HTTPS)
    second = Client().get(petition.url, **HTTPS)
    assert first.status_code == second.status_code == 200
    assert header_set(second) == header_set(first)
    for name in SECURITY + CACHING:
        assert second.get(name) == first.get(name), name


def test_shared_petition_pages_are_kept_per_scheme_and_host(rf):
    petition = make_petition()
    keys = {
        shared_page_key(rf.get(petition.url, **headers), petition, "form")
        for headers in (HTTPS, FORGED, {**HTTPS, "HTTP_X_FORWARDED_PROTO": "http"})
    }
    assert len(keys) == 3 and None not in keys
