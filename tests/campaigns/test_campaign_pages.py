"""Campaign index and campaign pages: ordering, archive, filters, and what a campaign page shows."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, BlogPage
from campaigns.models import (
    CampaignEdition,
    CampaignPage,
    CampaignRelatedPost,
    CampaignStatus,
    CampaignToolkitItem,
)
from nnirr_site.core.demo_builders import call_to_action, get_or_create_document, paragraph

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    """The HTML of the <section> labelled by ``heading_id``."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_index_lists_active_then_ongoing_then_past_in_an_archive(client, campaign_index, make_campaign):
    make_campaign(title="Fresh action", status=CampaignStatus.ACTIVE, start_date=datetime.date(2024, 1, 1))
    html = client.get(campaign_index.url).content.decode()
    active = section(html, "campaigns-active")
    ongoing = section(html, "campaigns-ongoing")
    archive = section(html, "campaigns-past")
    assert html.index("campaigns-active") < html.index("campaigns-ongoing") < html.index("campaigns-past")
    assert "Fresh action" in active and "International Migrants Day" in active
    assert "Ratify the Migrant Workers Convention" in ongoing and "Legalization" in ongoing
    assert "Archive: past campaigns" in archive
    for past in ("Admit at least 62,500 refugees", "We ALL Count", "End immigration detention (2012)"):
        assert past in archive
        assert past not in active + ongoing
    # Within the archive, the most recent first.
    assert archive.index("Admit at least 62,500 refugees") < archive.index("We ALL Count")


def test_index_filters_by_status_and_program(client, campaign_index):
    html = client.get(campaign_index.url, {"status": "past"}).content.decode()
    assert 'id="campaigns-past"' in html
    assert 'id="campaigns-active"' not in html and 'id="campaigns-ongoing"' not in html
    assert '<option value="past" selected>' in html

    html = client.get(campaign_index.url, {"program": "hurricane"}).content.decode()
    assert "End immigration detention (2012)" in html
    assert "Ratify the Migrant Workers Convention" not in html


def test_index_ignores_unknown_filter_values(client, campaign_index):
    response = client.get(campaign_index.url, {"status": "bogus", "program": "nope", "page": "x"})
    assert response.status_code == 200
    assert "Ratify the Migrant Workers Convention" in response.content.decode()


def test_campaign_page_shows_status_dates_program_actions_and_hashtags(client, make_campaign):
    program = CampaignPage.objects.get(slug="immigration-detention-2012", locale__language_code="en").program
    campaign = make_campaign(
        title="Count every neighbor",
        status=CampaignStatus.PAST,
        start_date=datetime.date(2010, 3, 1),
        end_date=datetime.date(2010, 6, 30),
        program=program,
        hashtags="#TakeTheSurvey 4rightsatborders, #TakeTheSurvey",
        actions=[call_to_action("Write to Congress", url="https://example.org/write")],
        body=[paragraph("We knocked on thousands of doors.")],
    )
    html = client.get(campaign.url).content.decode()
    assert '<span class="status-badge status-badge--past">Past</span>' in html
    assert '<time datetime="2010-03-01">March 1, 2010</time>' in html
    assert '<time datetime="2010-06-30">June 30, 2010</time>' in html
    assert f'href="{program.url}">HURRICANE</a>' in html
    assert 'href="https://example.org/write">Write to Congress</a>' in html
    assert "This campaign has ended." in html
    assert "We knocked on thousands of doors." in html
    assert re.findall(r"<li>(#\w+)</li>", section(html, "campaign-hashtags")) == ["#TakeTheSurvey", "#4rightsatborders"]


def test_active_campaign_says_take_action_and_not_ended(client, make_campaign):
    campaign = make_campaign(
        title="Act today", actions=[call_to_action("Sign now", url="https://example.org/sign")]
    )
    html = client.get(campaign.url).content.decode()
    assert '<span class="status-badge status-badge--active">Active</span>' in html
    assert "Take action" in html and "This campaign has ended." not in html
    assert 'id="campaign-hashtags"' not in html


def test_toolkit_links_go_through_documents_and_show_type_and_size(client, make_campaign):
    letter = get_or_create_document("Test sample letter", ["Dear official, please act."], "sun")
    campaign = make_campaign(
        title="Campaign with a toolkit",
        toolkit_items=[CampaignToolkitItem(document=letter, description="Adapt it for your mayor.")],
    )
    toolkit = section(client.get(campaign.url).content.decode(), "campaign-toolkit")
    assert f'href="/documents/{letter.id}/' in toolkit
    assert ">Test sample letter</a>" in toolkit
    size = re.search(r"\(PDF, ([\d.,]+\s(?:bytes|KB|MB))\)", toolkit)
    assert size, toolkit
    assert letter.file_size > 0
    assert "Adapt it for your mayor." in toolkit
    download = client.get(f"/documents/{letter.id}/{letter.filename}")
    assert download.status_code == 200


def test_yearly_editions_are_shown_newest_first(client, make_campaign):
    flyer = get_or_create_document("Test call to action 2022", ["Join us on 18 December."], "sun")
    campaign = make_campaign(
        title="Yearly day",
        status=CampaignStatus.ONGOING,
        editions=[
            CampaignEdition(year=2021, theme="Second year"),
            CampaignEdition(year=2022, theme="Third year", document=flyer),
            CampaignEdition(year=2020, theme="First year"),
        ],
    )
    html = client.get(campaign.url).content.decode()
    editions = html[html.index('aria-labelledby="campaign-editions"') :]  # holds one section per year
    assert editions.index("2022: Third year") < editions.index("2021: Second year") < editions.index(
        "2020: First year"
    )
    assert f'href="/documents/{flyer.id}/' in editions


def test_demo_migrants_day_has_toolkit_and_editions(client):
    campaign = CampaignPage.objects.get(slug="international-migrants-day", locale__language_code="en")
    html = client.get(campaign.url).content.decode()
    for title in ("Tips on Passing Local Resolutions", "Sample letter to elected officials",
                  "International Migrants Day 2026: call to action"):
        assert title in section(html, "campaign-toolkit")
    years = re.findall(r'id="edition-(\d{4})"', html)
    assert years == sorted(years, reverse=True) and len(years) >= 4 and years[0] == "2026"


def test_demo_is_current_migrants_day_2026_is_the_only_active_campaign(client):
    active = CampaignPage.objects.filter(status=CampaignStatus.ACTIVE)
    assert {(page.slug, page.locale.language_code) for page in active} == {
        ("international-migrants-day", "en"), ("dia-internacional-del-migrante", "es")}
    for page in active:
        assert page.end_date == datetime.date(2026, 12, 18)
        assert page.editions.filter(year=2026).exists()
    spanish = client.get(active.get(locale__language_code="es").url).content.decode()
    assert "Los derechos humanos no tienen fronteras" in spanish
    assert "Las ideas y los mensajes clave de este año." in spanish  # the toolkit in Spanish


def test_campaign_shows_chosen_posts_and_more_from_its_program(client, home, make_campaign):
    blog = BlogIndexPage.objects.child_of(home).get()
    post = blog.add_child(instance=BlogPage(title="Why we marched", slug="test-why-we-marched",
                                            date=datetime.date(2021, 5, 1)))
    program = CampaignPage.objects.get(slug="ratify-migrant-workers-convention", locale__language_code="en").program
    campaign = make_campaign(title="Campaign with reading", program=program)
    CampaignRelatedPost.objects.create(campaign=campaign, page=post, sort_order=0)
    html = client.get(campaign.url).content.decode()
    assert "Why we marched" in section(html, "campaign-posts")
    more = section(html, "campaign-more")
    assert "Ratify the Migrant Workers Convention" in more
    assert "Campaign with reading" not in more


def test_end_date_cannot_come_before_start_date(make_campaign):
    campaign = make_campaign(title="Backwards")
    campaign.start_date = datetime.date(2020, 5, 1)
    campaign.end_date = datetime.date(2020, 4, 1)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "end_date" in error.value.message_dict


def test_editor_cannot_give_two_editions_the_same_year(admin_client, campaign_index):
    data = nested_form_data(
        {
            "title": "Twice a year",
            "slug": "twice-a-year",
            "status": "ongoing",
            "actions": streamfield([]),
            "body": streamfield([]),
            "toolkit_items": inline_formset([]),
            "editions": inline_formset([{"year": 2020, "theme": "", "text": rich_text("<p>One</p>")},
                                        {"year": 2020, "theme": "", "text": rich_text("<p>Two</p>")}]),
            "related_resources": inline_formset([]),
            "related_posts": inline_formset([]),
        }
    )
    url = f"/admin/pages/add/campaigns/campaignpage/{campaign_index.id}/"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "There is already an edition for this year." in response.content.decode()
    assert not CampaignPage.objects.filter(slug="twice-a-year").exists()

    data["editions-1-year"] = 2021
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert CampaignPage.objects.get(slug="twice-a-year").editions.count() == 2


def test_hashtags_are_normalised():
    campaign = CampaignPage(hashtags="  #a b,#c  a ")
    assert campaign.hashtag_list == ["#a", "#b", "#c"]
    assert CampaignPage(hashtags="").hashtag_list == []
