"""The cached layout (menus, footer, language links) changes as soon as what it shows changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from nnirr_site.core.models import Menu, MenuItem, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_second_view_reads_the_layout_from_the_cache(client):
    first = queries(client, "/about/")
    assert queries(client, "/about/") < first


def test_menu_change_shows_at_once(client, django_capture_on_commit_callbacks):
    client.get("/")
    menu = Menu.objects.get(slug="main", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.create(menu=menu, label="Annual report", link_url="https://example.org/r", sort_order=99)
    assert ">Annual report</a>" in client.get("/").content.decode()


def test_renamed_page_shows_in_menu_after_publishing(client, django_capture_on_commit_callbacks):
    client.get("/")
    donate = StandardPage.objects.get(slug="donate", locale__language_code="en")
    donate.title = "Give today"
    with django_capture_on_commit_callbacks(execute=True):
        donate.save_revision().publish()
    nav = client.get("/").content.decode().split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    assert ">Give today</a>" in nav


def test_unpublished_page_leaves_menu_and_language_links(client, django_capture_on_commit_callbacks):
    assert 'href="/es/donar/"' in client.get("/donate/").content.decode()
    spanish = StandardPage.objects.get(slug="donar")
    with django_capture_on_commit_callbacks(execute=True):
        spanish.unpublish()
    html = client.get("/donate/").content.decode()
    assert 'href="/es/donar/"' not in html
    assert "Esta página aún no está traducida." in html


def test_settings_change_shows_in_footer_at_once(client, django_capture_on_commit_callbacks):
    client.get("/")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "hello@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    assert "mailto:hello@example.org" in client.get("/").content.decode()


def test_new_post_appears_on_home_after_publishing(client, django_capture_on_commit_callbacks):
    import datetime

    from blog.models import BlogIndexPage, BlogPage

    client.get("/")
    news = BlogIndexPage.objects.get(slug="news", locale__language_code="en")
    post = BlogPage(title="Fresh news from the border", slug="fresh-news", date=datetime.date(2030, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        news.add_child(instance=post)
        post.save_revision().publish()
    home = client.get("/").content.decode().split('id="home-posts"', 1)[1]
    assert "Fresh news from the border" in home


def test_image_change_starts_a_new_generation(django_capture_on_commit_callbacks):
    from wagtail.images import get_image_model

    from nnirr_site.core import layout_cache

    before = layout_cache.generation()
    image = get_image_model().objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Renamed"
        image.save()
    assert layout_cache.generation() != before
