"""Home and search listings run the same number of SQL queries with 10 and with 200 items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogIndexPage, BlogPage
from campaigns.models import ProgramIndexPage, ProgramPage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url, **params):
    client.get(url, params)  # warm caches (site root paths, renditions) once
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx)


def add_programs_and_posts(count, start):
    programs = ProgramIndexPage.objects.get(slug="programs", locale__language_code="en")
    blog = BlogIndexPage.objects.get(slug="news", locale__language_code="en")
    for n in range(start, start + count):
        image = ImageFactory()
        programs.add_child(
            instance=ProgramPage(title=f"Load program {n} solidarity", slug=f"load-program-{n}",
                                 summary="Solidarity work.", listing_image=image)
        )
        blog.add_child(
            instance=BlogPage(title=f"Load post {n} solidarity", slug=f"load-post-{n}",
                              summary="Solidarity news.", listing_image=image)
        )


def test_home_and_search_query_counts_do_not_grow_with_items(client):
    # Start below a page's worth (home shows 8 programs, search 10 results a page), so a
    # query per shown item would change the count; then 10 and 200 of each.
    add_programs_and_posts(3, 0)
    home = {queries_for(client, "/")}
    search = {queries_for(client, "/search/", q="solidarity")}
    for start, count in [(3, 7), (10, 190)]:
        add_programs_and_posts(count, start)
        home.add(queries_for(client, "/"))
        search.add(queries_for(client, "/search/", q="solidarity"))
    assert len(home) == 1, home
    assert len(search) == 1, search
