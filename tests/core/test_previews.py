"""A preview shows the draft's own content and never reads or fills what is kept for visitors."""

import pytest
from django.core.cache import cache
from django.utils.html import escape

from campaigns.models import CampaignPage
from nnirr_site.core.models import HomePage
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db


def featured(html):
    return html.split('id="featured-campaign">', 1)[1].split("</h2>", 1)[0]


def home_and_another_campaign():
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    live = home.get_featured_campaign()
    other = CampaignPage.objects.live().filter(locale=home.locale).exclude(pk=live.pk).first()
    return home, live, other


def test_a_home_preview_shows_its_own_sections_when_the_live_ones_are_kept(client):
    home, live, other = home_and_another_campaign()
    assert featured(client.get("/").content.decode()) == escape(live.title)  # the live sections are kept
    home.featured_campaign = other
    assert featured(home.make_preview_request().content.decode()) == escape(other.title)


def test_a_home_preview_never_keeps_its_sections_for_visitors(client):
    home, live, other = home_and_another_campaign()
    cache.clear()
    home.featured_campaign = other
    home.make_preview_request()  # first: nothing kept yet
    assert featured(client.get("/").content.decode()) == escape(live.title)


def resources(html):
    return html.split('aria-labelledby="program-resources"', 1)[1].split("</section>", 1)[0]


@needs("page_extras")
def test_a_program_preview_shows_its_drafts_resources_and_its_kept_campaigns_as_they_are_now(
        client, django_capture_on_commit_callbacks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from campaigns.models import ProgramPage, ProgramRelatedResource
    from resources.models import ResourcePage

    program = ProgramPage.objects.get(url_path="/home-nnirr/programs/hurricane/")
    client.get(program.url)  # its campaigns kept for visitors
    linked = {link.page_id for link in program.related_resources.all()}
    others = list(ResourcePage.objects.live().filter(locale=program.locale).exclude(pk__in=linked)[:2])
    program.related_resources = [ProgramRelatedResource(page=others[0])]
    with CaptureQueriesContext(connection) as ctx:
        html = resources(program.make_preview_request().content.decode())
    assert escape(others[0].title) in html
    assert all(escape(page.title) not in html for page in ResourcePage.objects.filter(pk__in=linked))
    assert "campaigns_campaignpage" not in " ".join(query["sql"] for query in ctx.captured_queries)  # kept
    program.related_resources = [ProgramRelatedResource(page=others[1])]  # another draft: its own links
    html = resources(program.make_preview_request().content.decode())
    assert escape(others[1].title) in html and escape(others[0].title) not in html
    campaign = CampaignPage.objects.live().filter(program=program).first()
    campaign.title = "A campaign renamed while the program is edited"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    assert "A campaign renamed while the program is edited" in program.make_preview_request().content.decode()
    others[1].title = "A resource renamed while the program is edited"
    with django_capture_on_commit_callbacks(execute=True):
        others[1].save_revision().publish()
    assert "A resource renamed while the program is edited" in program.make_preview_request().content.decode()
