"""A digest item's address: the page's public address, or nothing for a page no site serves."""

import pytest
from wagtail.models import Page

from email_list.digest_content import page_url
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_page_url_is_the_public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"
    page = ResourcePage.objects.live().filter(locale__language_code="en").first()
    assert page_url(page) == "https://nnirr.example.org" + page.url


def test_a_page_outside_every_site_has_no_address():
    orphan = Page.get_first_root_node().add_child(instance=Page(title="Outside every site", slug="outside-sites"))
    assert orphan.get_url_parts() is None
    assert page_url(orphan) == ""
