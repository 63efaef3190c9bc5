"""A preview shows the draft's own content and never reads or fills what is kept for visitors."""

import pytest
from django.core.cache import cache
from django.utils.html import escape

from campaigns.models import CampaignPage
from nnirr_site.core.models import HomePage

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
