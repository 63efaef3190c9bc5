"""Whole-page cache: anonymous visitors get cached pages, staff never do, publishing clears it."""

import pytest
from django.test import Client

from nnirr_site.core.models import StandardPage
from tests.campaigns.petition_helpers import form_data, make_petition
from tests.fast_path_marks import needs

pytestmark = [pytest.mark.django_db, needs("page_cache")]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_CDN_SECONDS = 60


def test_anonymous_visitor_gets_a_cached_page_that_a_cdn_may_keep(client):
    first = client.get("/about/")
    second = client.get("/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert second["Content-Type"].startswith("text/html")
    assert second["Content-Security-Policy"]  # security headers apply to cached pages too


def test_logged_in_staff_never_get_cached_pages(client, superuser):
    client.get("/about/")
    client.force_login(superuser)
    response = client.get("/about/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_publishing_clears_the_cache(client, django_capture_on_commit_callbacks):
    client.get("/about/")
    assert client.get("/about/")["X-Page-Cache"] == "hit"
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "Who we are"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "<h1>Who we are</h1>" in response.content.decode()


def test_unpublishing_clears_the_cache(client, django_capture_on_commit_callbacks):
    client.get("/contact/")
    contact = StandardPage.objects.get(slug="contact", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        contact.unpublish()
    assert client.get("/contact/").status_code == 404


def test_pages_with_forms_are_not_cached_and_signing_works_with_the_cache_on():
    petition = make_petition()
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(petition.url)
    second = Client(enforce_csrf_checks=True).get(petition.url)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "csrftoken" in first.cookies
    token = first.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = visitor.post(petition.url, {**form_data(email="cache@example.org"), "csrfmiddlewaretoken": token})
    assert response.status_code == 303


def test_search_results_and_errors_are_cached_only_when_public(client):
    client.get("/search/", {"q": "rights"})
    assert client.get("/search/", {"q": "rights"})["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/no-such-page/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_a_preview_is_never_answered_from_nor_stored_as_the_public_page(client):
    assert client.get("/about/")["X-Page-Cache"] == "miss"  # the public page is now cached
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "A draft title only in the preview"
    preview = about.make_preview_request()  # Wagtail's preview request carries the page's own address
    assert "A draft title only in the preview" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    public = client.get("/about/")
    assert "A draft title only in the preview" not in public.content.decode()
