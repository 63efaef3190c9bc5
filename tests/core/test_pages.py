"""The core page tree: rules for where pages go, and that every core page renders what it must."""

import pytest
from wagtail.models import Page, Site

from campaigns.models import CampaignIndexPage, CampaignPage, ProgramIndexPage, ProgramPage
from nnirr_site.core.models import HomePage, StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def test_home_page_allowed_only_under_root():
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home())


def test_standard_page_goes_under_home_or_another_standard_page():
    about = StandardPage.objects.get(slug="about")
    assert StandardPage.can_create_at(home())
    assert StandardPage.can_create_at(about)
    assert not ProgramPage.can_create_at(home())
    assert not CampaignPage.can_create_at(about)


def test_one_index_of_each_kind_per_home():
    assert ProgramIndexPage.objects.child_of(home()).count() == 1
    assert not ProgramIndexPage.can_create_at(home())
    assert not CampaignIndexPage.can_create_at(home())


def test_home_page_shows_organization_hero_and_sections(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "National Network for Immigrant and Refugee Rights" in html
    assert "Human rights for every immigrant and refugee" in html
    assert 'href="#main"' in html  # skip link


def test_standard_page_renders_body_and_breadcrumbs(client):
    page = StandardPageFactory(parent=StandardPage.objects.get(slug="about"), title="Our history")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Our history</h1>" in html
    assert 'aria-label="Breadcrumb"' in html
    assert ">About the network</a>" in html


def test_unknown_address_gives_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_home_features_an_active_campaign_when_none_is_chosen(client):
    from campaigns.models import CampaignPage

    html = client.get("/").content.decode()
    featured = html.split('id="featured-campaign">', 1)[1].split("</h2>", 1)[0]
    active = CampaignPage.objects.live().filter(locale__language_code="en", status="active")
    assert featured in {page.title for page in active}


def test_home_page_lists_no_restricted_post_program_or_resource(client):
    """A page restricted to logged-in users or groups never shows, even by title, on the public home page."""
    from wagtail.models import PageViewRestriction

    from blog.models import BlogPage
    from resources.models import ResourcePage

    home = HomePage.objects.get(depth=2, locale__language_code="en")
    restricted = [
        BlogPage.objects.live().filter(locale=home.locale).order_by("-date").first(),
        ProgramPage.objects.live().filter(locale=home.locale).first(),
        ResourcePage.objects.live().filter(locale=home.locale).order_by("-first_published_at").first(),
    ]
    for page in restricted:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/").content.decode()
    for page in restricted:
        assert page.title not in html
