"""Smoke test: every live page of the demo site opens, and so does its admin edit view."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_demo_content_is_idempotent():
    before = Page.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert Page.objects.count() == before


def test_every_live_page_and_its_editor_open(admin_client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() >= 6
    for page in pages:
        response = admin_client.get(page.url)
        assert response.status_code == 200, page.url
        edit = admin_client.get(f"/admin/pages/{page.id}/edit/")
        assert edit.status_code == 200, f"edit view of {page.url}"


def test_demo_admin_is_refused_outside_development():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("ensure_demo_admin")


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/about/</loc>" in sitemap.content
    assert b"/es/quienes-somos/</loc>" in sitemap.content


def test_robots_names_the_configured_site_never_the_requested_host(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    robots = client.get("/robots.txt", HTTP_HOST="attacker.example").content.decode()
    assert "Sitemap: https://nnirr.example.org/sitemap.xml" in robots
    assert "attacker" not in robots
