"""Cached pages under production settings: the same headers as the first response, no forged host in them.

Issue 12, findings 8 and 9: a page answered from the anonymous page cache lost X-Frame-Options,
and a petition page rendered for a request with a forged Host header was shared, with absolute
links on that host, with the next visitors.
"""

import re

import pytest
from django.test import Client

from campaigns.petitions.views import shared_page_key
from tests.campaigns.petition_helpers import make_petition
from tests.factories import ImageFactory
from tests.security.production import HTTPS, SITE_URL, production_settings

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


def header_set(response, differing=PER_RESPONSE):
    return {name.lower(): value for name, value in response.items() if name.lower() not in differing}


def head_links(response):
    """Absolute URLs in the page's <head> (canonical, og:url, og:image, hreflang alternates)."""
    head = response.content.decode().split("</head>", 1)[0]
    return re.findall(r'(?:href|content)="(https?://[^"]*)"', head)


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
    # Each visitor's page has their own CSRF token and form stamp in it, so its length may differ.
    differing = PER_RESPONSE | {"content-length"}
    assert header_set(second, differing) == header_set(first, differing)
    for name in SECURITY + CACHING:
        assert second.get(name) == first.get(name), name


def test_shared_petition_pages_are_kept_per_scheme_and_host(rf):
    petition = make_petition()
    keys = {
        shared_page_key(rf.get(petition.url, **headers), petition, "form")
        for headers in (HTTPS, FORGED, {**HTTPS, "HTTP_X_FORWARDED_PROTO": "http"})
    }
    assert len(keys) == 3 and None not in keys


def test_a_forged_host_never_reaches_the_next_visitor_of_a_petition():
    petition = make_petition(social_image=ImageFactory())
    forged = Client().get(petition.url, **FORGED)
    normal = Client().get(petition.url, **HTTPS)
    assert forged.status_code == normal.status_code == 200
    assert "6666" not in normal.content.decode()
    for response in (forged, normal):
        html = response.content.decode()
        assert f'<link rel="canonical" href="{SITE_URL}{petition.url}">' in html
        assert f'<link rel="alternate" hreflang="en" href="{SITE_URL}{petition.url}">' in html
        assert re.search(f'<meta property="og:image" content="{SITE_URL}/media/images/[^"]+">', html)
        assert all(link.startswith(SITE_URL + "/") for link in head_links(response)), head_links(response)


def test_a_forged_host_never_reaches_the_next_visitor_of_a_cached_page():
    forged = Client().get("/", **FORGED)
    normal = Client().get("/", **HTTPS)
    assert normal["X-Page-Cache"] == "miss"  # the forged request's page is not this one
    assert "6666" not in normal.content.decode()
    for response in (forged, normal):
        html = response.content.decode()
        assert f'<link rel="canonical" href="{SITE_URL}/">' in html
        assert f'<link rel="alternate" hreflang="es" href="{SITE_URL}/es/">' in html
        assert all(link.startswith(SITE_URL + "/") for link in head_links(response)), head_links(response)
