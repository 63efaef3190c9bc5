"""Listing pages fetch what they show in a fixed number of queries, however many items there are."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import CampaignIndexPage, CampaignPage, CampaignStatus, ProgramIndexPage, ProgramPage
from nnirr_site.core import layout_cache
from nnirr_site.core.demo_builders import get_or_create_image

pytestmark = pytest.mark.django_db

IMAGES = ["Query test image one", "Query test image two", "Query test image three"]


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm up: renditions are generated on first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def grow(parent, model, total, **fields_for):
    """Give ``parent`` children of ``model`` until it has ``total``; ``fields_for(n)`` gives each one's fields."""
    images = itertools.cycle([get_or_create_image(title, "sky", (320, 180)) for title in IMAGES])
    for number in range(parent.get_children().count(), total):
        extra = {name: make(number) for name, make in fields_for.items()}
        parent.add_child(instance=model(title=f"{model.__name__} {number}", slug=f"item-{number}",
                                        summary="A summary.", listing_image=next(images), **extra))
    # Pages made live in code send no page_published signal; publishing them in the admin would start a
    # new generation of their kind, so what pages keep for it (page_extras.py) is read afresh.
    layout_cache._set_new_generation("page", kind=layout_cache.kind_label(model))


def test_program_index_query_count_does_not_grow(client, home):
    index = home.add_child(instance=ProgramIndexPage(title="Query programs", slug="query-programs"))
    grow(index, ProgramPage, 10, short_name=lambda n: f"P{n}")
    few, html = count_queries(client, index.url)
    assert html.count('class="card"') == 10
    grow(index, ProgramPage, 200, short_name=lambda n: f"P{n}")
    many, html = count_queries(client, index.url)
    assert html.count('class="card"') == 24  # one page of the pagination
    assert many == few


def test_campaign_index_query_count_does_not_grow(client, home):
    index = home.add_child(instance=CampaignIndexPage(title="Query campaigns", slug="query-campaigns"))
    programs = list(ProgramPage.objects.filter(locale__language_code="en"))
    statuses = list(CampaignStatus.values)
    fields = {"status": lambda n: statuses[n % 3], "program": lambda n: programs[n % len(programs)]}
    grow(index, CampaignPage, 10, **fields)
    few, html = count_queries(client, index.url)
    assert html.count('class="card"') == 10
    grow(index, CampaignPage, 200, **fields)
    many, html = count_queries(client, index.url)
    assert html.count('class="card"') == 24
    assert many == few


def test_program_page_query_count_does_not_grow_with_its_campaigns(client, home, make_program):
    program = make_program(title="Busy program")
    index = home.add_child(instance=CampaignIndexPage(title="Busy campaigns", slug="busy-campaigns"))
    grow(index, CampaignPage, 10, program=lambda n: program, status=lambda n: "active")
    few, html = count_queries(client, program.url)
    assert html.count('class="card"') == 10
    grow(index, CampaignPage, 60, program=lambda n: program, status=lambda n: "active")
    many, html = count_queries(client, program.url)
    assert html.count('class="card"') == 60
    assert many == few
