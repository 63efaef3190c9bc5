"""Where editors may create programs and campaigns, and what may go under them."""

import pytest
from wagtail.models import Page

from blog.models import BlogPage
from campaigns.models import CampaignIndexPage, CampaignPage, ProgramIndexPage, ProgramPage
from nnirr_site.core.models import HomePage, StandardPage
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_indexes_go_only_under_a_home_page_and_once(home, program_index, campaign_index):
    new_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Another site", slug="another-site", hero_heading="Hello")
    )
    for index_model in (ProgramIndexPage, CampaignIndexPage):
        assert index_model.can_create_at(new_home)
        assert not index_model.can_create_at(home)  # the demo home already has one
        assert not index_model.can_create_at(StandardPage.objects.get(slug="about"))
        assert not index_model.can_create_at(program_index)


def test_program_pages_go_only_under_the_program_index(home, program_index, campaign_index):
    assert ProgramPage.can_create_at(program_index)
    assert not ProgramPage.can_create_at(home)
    assert not ProgramPage.can_create_at(campaign_index)
    assert ProgramPage.allowed_subpage_models() == []


def test_campaign_pages_go_only_under_the_campaign_index(home, program_index, campaign_index):
    assert CampaignPage.can_create_at(campaign_index)
    assert not CampaignPage.can_create_at(home)
    assert not CampaignPage.can_create_at(program_index)
    assert ProgramIndexPage.allowed_subpage_models() == [ProgramPage]
    assert CampaignIndexPage.allowed_subpage_models() == [CampaignPage]


def test_only_page_types_that_name_a_campaign_as_parent_go_under_one():
    campaign = CampaignPage.objects.get(slug="international-migrants-day", locale__language_code="en")
    allowed = CampaignPage.allowed_subpage_models()
    for model in allowed:
        assert CampaignPage in model.clean_parent_page_models(), model
    for model in (StandardPage, ProgramPage, CampaignPage, BlogPage, ResourcePage, ProgramIndexPage):
        assert model not in allowed
        assert not model.can_create_at(campaign)
