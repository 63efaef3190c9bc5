"""Site settings, menus and the footer appear on every page, and editors can change them."""

import pytest
from wagtail.models import Site

from nnirr_site.core.models import Menu, MenuItem, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def test_footer_shows_contact_email_offices_and_footer_menu(client):
    html = client.get("/about/").content.decode()
    assert "mailto:info@nnirr.org" in html
    assert "Oakland, California" in html
    assert 'href="tel:5105550142"' in html
    assert ">Privacy notice</a>" in html


def test_main_menu_lists_sections_and_marks_current_page(client):
    html = client.get("/about/").content.decode()
    nav = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/about/" aria-current="page"' in nav
    assert 'href="/donate/"' in nav


def test_menu_edits_show_up(client):
    menu = Menu.objects.get(slug="main", locale__language_code="en")
    MenuItem.objects.create(menu=menu, label="Annual report", link_url="https://example.org/report", sort_order=99)
    html = client.get("/").content.decode()
    assert ">Annual report</a>" in html


def test_menu_skips_unpublished_pages(client):
    contact = StandardPage.objects.get(slug="contact")
    contact.unpublish()
    html = client.get("/").content.decode()
    assert 'href="/contact/"' not in html


def test_settings_changes_appear_in_footer(client):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "hello@example.org"
    site_settings.save()
    assert "mailto:hello@example.org" in client.get("/").content.decode()


def test_donate_page_shows_cheque_address_and_button(client):
    html = client.get("/donate/").content.decode()
    assert "By cheque" in html
    assert "Oakland, CA 94600" in html
    assert "https://example.org/donate-to-nnirr" in html


def test_contact_page_lists_offices(client):
    html = client.get("/contact/").content.decode()
    assert "Washington, DC" in html
    assert "(202) 555-0175" in html
