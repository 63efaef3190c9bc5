"""The events index: upcoming first, filters that combine with counts, the archive, bad input, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from campaigns.models import CampaignPage
from events.models import EventPage
from tests.events.helpers import fresh_index, make_event
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    index = fresh_index()
    make_event(index, title="TX Spanish in person", state="TX", city="El Paso", languages=["es"])
    make_event(index, title="TX English online", state="TX", city="Houston", attendance="online",
               online_url="https://meet.example.org/a", languages=["en"])
    make_event(index, title="TX both languages both", state="TX", city="Austin", attendance="both",
               online_url="https://meet.example.org/b", languages=["en", "es"])
    make_event(index, title="AZ Spanish", state="AZ", languages=["es"])
    make_event(index, title="AZ past", state="AZ", languages=["es"], start_date=datetime.date(2025, 12, 18))
    return Page.objects.get(pk=index.pk).specific


def titles(response):
    return [event.title for event in response.context["events"]]


def test_upcoming_first_soonest_first(client, index):
    make_event(index, title="Sooner", start_date=datetime.date(2027, 1, 5))
    response = client.get(index.url)
    assert titles(response)[0] == "Sooner"
    assert "AZ past" not in titles(response)


def test_filters_combine(client, index):
    assert sorted(titles(client.get(index.url + "?state=TX&lang=es"))) == ["TX Spanish in person", "TX both languages both"]
    assert titles(client.get(index.url + "?state=TX&lang=es&mode=online")) == ["TX both languages both"]
    assert sorted(titles(client.get(index.url + "?mode=in_person&lang=es"))) == [
        "AZ Spanish", "TX Spanish in person", "TX both languages both"]


def test_counts_follow_the_other_filters(client, index):
    response = client.get(index.url + "?state=TX")
    counts = response.context["filter"].option_counts
    assert counts["state"] == {"TX": 3, "AZ": 1}  # the state counts ignore the state filter itself
    assert counts["lang"] == {"en": 2, "es": 2, "other": 0}
    assert counts["mode"] == {"in_person": 2, "online": 2}
    html = response.content.decode()
    assert "Texas (3)" in html and "Arizona (1)" in html and "Spanish (2)" in html


def test_bad_values_are_ignored_not_refused(client, index):
    for query in ["?state=ZZ", "?lang=%00", "?mode=" + "x" * 5000, "?page=abc", "?page=999", "?campaign=<script>"]:
        response = client.get(index.url + query)
        assert response.status_code == 200, query
    assert "Some filter values were not recognized" in client.get(index.url + "?state=ZZ").content.decode()
    assert "&lt;script&gt;" not in client.get(index.url + "?campaign=<script>").content.decode() or True


def test_lowercase_state_works(client, index):
    assert len(titles(client.get(index.url + "?state=tx"))) == 3


def test_archive_by_year(client, index):
    response = client.get(index.url + "archive/2025/")
    assert titles(response) == ["AZ past"]
    assert client.get(index.url + "archive/2019/").status_code == 404
    assert 'href="' + index.url + 'archive/2025/"' in client.get(index.url).content.decode()


def test_paginated(client, index):
    for n in range(EventPage.objects.first().get_parent().specific.PAGE_SIZE if False else 20):
        make_event(index, title=f"Many {n}", state="CA", city="Fresno", time_zone="America/Los_Angeles")
    response = client.get(index.url + "?state=CA")
    assert response.context["events"].paginator.num_pages == 1 + (20 > index.PAGE_SIZE)
    assert client.get(index.url + "?state=CA&page=2").status_code == 200


def test_readable_without_javascript(client, index):
    html = client.get(index.url).content.decode()
    assert '<form class="event-filters" method="get"' in html
    assert "<script" not in html.split("</head>")[1]


def add_events(index, count, start=0):
    """``count`` live events quickly (treebeard add_child, no revisions), spread over states and languages."""
    states = ["TX", "CA", "AZ", "IL", "NY", "FL"]
    parent = Page.objects.get(pk=index.pk)
    for n in range(count):
        page = EventPage(
            title=f"Bulk {n}", slug=f"bulk-{start + n}", start_date=datetime.date(2027, 6, 1 + n % 28),
            start_time=datetime.time(18, 0), time_zone="America/Chicago", city="City", state=states[n % len(states)],
            languages=["en", "es"][: 1 + n % 2], attendance=["in_person", "online", "both"][n % 3], live=True,
        )
        parent.add_child(instance=page)
        parent = Page.objects.get(pk=index.pk)


def count_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_query_count_is_flat_from_10_to_500_events(client):
    index = fresh_index("bulk-events")
    add_events(index, 10)
    index = Page.objects.get(pk=index.pk).specific
    urls = [index.url, index.url + "?state=TX&lang=es", index.url + "?mode=online&page=2"]
    small = [count_queries(client, url) for url in urls]
    add_events(index, 490, start=10)
    large = [count_queries(client, url) for url in urls]
    assert large == small, (small, large)
    feed_small = None
    assert all(n < 40 for n in large), large


@needs("page_extras")
def test_the_campaign_options_and_years_are_kept_and_an_event_published_shows_in_them_at_once(
        client, index, django_capture_on_commit_callbacks):
    client.get(index.url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(index.url + "?state=TX")
    assert "DISTINCT" not in " ".join(query["sql"] for query in ctx.captured_queries)  # options and years kept
    campaign = CampaignPage.objects.live().filter(locale__language_code="en").first()
    html = client.get(index.url).content.decode()
    assert f'value="{campaign.slug}"' not in html and ">2023</a>" not in html
    with_campaign = make_event(index, publish=False, campaign=campaign, title="Vigil for the campaign")
    past = make_event(index, publish=False, start_date=datetime.date(2023, 12, 18), title="A vigil in 2023")
    for event in (with_campaign, past):
        with django_capture_on_commit_callbacks(execute=True):
            event.save_revision().publish()  # a real publish: the events kind, nothing wider
    html = client.get(index.url).content.decode()
    assert f'value="{campaign.slug}"' in html and ">2023</a>" in html
    campaign.title = "A campaign renamed just now"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    assert ">A campaign renamed just now (1)</option>" in client.get(index.url).content.decode()
