"""Listing cards and search results kept as HTML (nnirr_site/core/card_cache.py) change when their page does."""

import pytest

from blog.models import BlogIndexPage, BlogPage

pytestmark = pytest.mark.django_db


def newest_post():
    index = BlogIndexPage.objects.get(slug="news", locale__language_code="en")
    return BlogPage.objects.child_of(index).live().order_by("-date", "-pk").first()


def test_a_renamed_post_shows_its_new_title_on_every_card(client, django_capture_on_commit_callbacks):
    post = newest_post()
    assert post.title in client.get("/news/").content.decode()
    client.get(f"/search/?q={post.title.split()[0]}")
    post.title = "A title nobody used before"
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert ">A title nobody used before</a>" in client.get("/news/").content.decode()
    assert ">A title nobody used before</a>" in client.get("/search/?q=nobody+used").content.decode()


def results_list(html):
    return html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]


def test_search_results_are_the_same_read_from_the_cache(client):
    first = results_list(client.get("/search/?q=refugee").content.decode())
    assert "<h2><a href=" in first
    assert results_list(client.get("/search/?q=refugee").content.decode()) == first
