"""Every hand-made fast path gives the same answer as the plain path it replaces (NNIRR_FAST_PATHS).

The page and petition test suites also run whole with the fast paths off:
``NNIRR_FAST_PATHS=off pytest tests/core tests/campaigns``. Here, in every run, the main pages are
rendered both ways and compared, and a cached response is checked for every security header.
"""

import re

import pytest
from django.test import override_settings

from campaigns.petitions.emails import build_message
from campaigns.petitions.models import EmailKind, Signature
from nnirr_site.core import fast_paths
from tests.campaigns.petition_helpers import make_petition

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/programs/",
    "/programs/hurricane/",
    "/es/programas/hurricane/",
    "/campaigns/refugee-admissions-2021/",
    "/news/",
    "/news/sign-the-refugee-admissions-petition/",
    "/resources/?kind=report&language=es",
    "/events/?state=TX",
    "/services/?category=legal&free=on",
    "/search/?q=refugee",
    "/search/?q=refugee+rigths",
    "/es/search/?q=refugiados",
    "/campaigns/refugee-admissions-2021/refugee-admissions-petition/",
    "/campaigns/ratify-migrant-workers-convention/ratify-the-convention-petition/",
    "/privacy/",
]
# Per visitor by design: the CSRF token and the signed form-start stamp.
PER_VISITOR = re.compile(r'(name="(?:csrfmiddlewaretoken|started)" value=")[^"]*(")')


def normalized(response):
    return PER_VISITOR.sub(r"\1…\2", response.content.decode())


def test_the_switch_reads_all_off_or_a_list():
    assert fast_paths.parse("all") == set(fast_paths.NAMES)
    assert fast_paths.parse("off") == set()
    assert fast_paths.parse("route_cache, page_cache") == {"route_cache", "page_cache"}
    with pytest.raises(ValueError):
        fast_paths.parse("route_cache,warp_drive")


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_the_same_with_the_fast_paths_off(client, path):
    with override_settings(NNIRR_FAST_PATHS="all", PETITION_PAGE_CACHE_SECONDS=5):
        client.get(path)  # fill the caches
        fast = client.get(path)
    client.cookies.clear()
    with override_settings(NNIRR_FAST_PATHS="off", PETITION_PAGE_CACHE_SECONDS=5):
        plain = client.get(path)
    assert fast.status_code == plain.status_code == 200
    assert normalized(fast) == normalized(plain)


@pytest.mark.parametrize("kind,token", [(EmailKind.CONFIRM, "Tok-1"), (EmailKind.ALREADY_SIGNED, None)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_petition_emails_are_the_same_without_markers(kind, token, language):
    petition = make_petition(title="Stop the raids & <deportations>")
    signature = Signature(pk=7, petition_id=petition.pk, petition_key=petition.translation_key,
                          first_name="<Zoë> & \"Ana\"", last_name="Díaz", email="zoe@example.org",
                          language=language, privacy_notice_version="2026-11")
    with override_settings(NNIRR_FAST_PATHS="all"):
        fast = build_message(signature, kind, token)
    with override_settings(NNIRR_FAST_PATHS="off"):
        plain = build_message(signature, kind, token)
    assert (fast.subject, fast.body, fast.alternatives[0][0]) == (plain.subject, plain.body, plain.alternatives[0][0])


SECURITY_HEADERS = [
    "X-Frame-Options", "Content-Security-Policy", "Content-Security-Policy-Report-Only", "Permissions-Policy",
    "Referrer-Policy", "X-Content-Type-Options", "Cross-Origin-Opener-Policy", "Content-Language", "Vary",
]


@pytest.mark.parametrize("fast", ["all", "off"])
def test_a_cached_page_carries_every_security_header_of_the_uncached_one(client, fast):
    with override_settings(PAGE_CACHE_SECONDS=600, NNIRR_FAST_PATHS=fast):
        miss = client.get("/news/")
        hit = client.get("/news/")
    if fast == "all":
        assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit["X-Frame-Options"] == "DENY"
    for name in SECURITY_HEADERS:
        if name in miss:
            assert hit.get(name) == miss[name], name
    assert {name for name in SECURITY_HEADERS if name in miss} >= {
        "X-Frame-Options", "Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options",
    }
