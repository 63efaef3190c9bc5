"""The Spanish demo site is complete: every page has its Spanish version, campaign toolkits and
"More from <program>" are in Spanish, and numbers use one format per language."""

import re

import pytest
from wagtail.models import Locale, Page

from campaigns.demo_content import TOOLKIT_ES
from campaigns.models import CampaignPage, ProgramPage

pytestmark = pytest.mark.django_db


def test_every_live_english_page_has_a_live_spanish_translation():
    spanish = Locale.objects.get(language_code="es")
    missing = []
    for page in Page.objects.filter(locale__language_code="en", depth__gt=1).live():
        translation = page.get_translation_or_none(spanish)
        if translation is None or not translation.live:
            missing.append(page.title)
    assert missing == []
    assert ProgramPage.objects.filter(locale__language_code="es").live().count() == 8


def test_spanish_campaign_toolkits_are_described_in_spanish():
    for campaign in CampaignPage.objects.filter(locale__language_code="es"):
        for item in campaign.toolkit_items.all():
            assert item.description not in TOOLKIT_ES, (campaign.title, item.description)


def test_more_from_program_uses_the_spanish_program_name(client):
    campaign = CampaignPage.objects.get(slug="ratificar-convencion-trabajadores-migratorios")
    html = client.get(campaign.url).content.decode()
    heading = html.split('id="campaign-more"', 1)[1].split("</h2>", 1)[0]
    assert "Derechos de las personas migrantes y justicia global" in heading
    assert "International" not in heading


@pytest.mark.parametrize("url, expected, wrong", [
    ("/campaigns/refugee-admissions-2021/", "62,500", ["62.500", "62 500"]),
    ("/es/campanas/admision-refugiados-2021/", "62.500", ["62,500", "62 500"]),
])
def test_numbers_use_one_format_per_language(client, url, expected, wrong):
    main = client.get(url).content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", main)
    assert expected in text
    for other in wrong:
        assert other not in text
