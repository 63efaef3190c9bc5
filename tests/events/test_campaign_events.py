"""The International Migrants Day campaign page lists that year's events grouped by state, in its language."""

import datetime

import pytest
from campaigns.models import CampaignPage

from tests.events.helpers import make_event

pytestmark = pytest.mark.django_db


def campaign(language):
    page = CampaignPage.objects.get(slug="international-migrants-day", locale__language_code="en")
    return page if language == "en" else page.get_translation(page.locale.__class__.objects.get(language_code="es"))


def test_the_campaign_page_lists_this_years_events_by_state(client):
    page = campaign("en")
    html = client.get(page.url).content.decode()
    section = html.split('id="campaign-events-heading"', 1)[1].split("</section>", 1)[0]
    assert "Events in 2026, by state" in section
    states = ["Arizona", "California", "Colorado", "Florida", "Illinois", "Massachusetts", "New York", "Texas",
              "Washington"]
    positions = [section.index(f"<h3>{state}</h3>") for state in states]
    assert positions == sorted(positions)
    assert "<h3>Online</h3>" in section
    assert "Candlelight vigil for migrants who died crossing the desert" in section
    assert "Candlelight vigil 2025" not in section  # another year
    assert "IRRTI" not in section  # not part of the campaign
    assert "?campaign=international-migrants-day" in section


def test_the_spanish_campaign_page_lists_the_spanish_events(client):
    page = campaign("es")
    html = client.get(page.url).content.decode()
    assert "Eventos de 2026, por estado" in html
    assert "Vigilia con velas por las personas migrantes que murieron en el desierto" in html
    assert "/es/eventos/tucson-vigil-2026/" in html


def test_a_private_venue_shows_only_its_city_on_the_campaign_page(client):
    make_event(start_date=datetime.date(2026, 12, 18), venue_name="Hidden Kitchen", street_address="5 Quiet Rd",
               venue_private=True, campaign=campaign("en"), title="Private supper")
    html = client.get(campaign("en").url).content.decode()
    assert "Private supper" in html
    assert "Hidden Kitchen" not in html and "5 Quiet Rd" not in html
