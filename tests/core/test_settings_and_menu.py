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


def _donate_section(html):
    return html.split('aria-labelledby="donate-ways"', 1)[1].split("</section>", 1)[0]


def test_donate_page_without_processor_offers_checks_and_other_ways(client):
    """The demo has no donation processor: no online button, no dead link; checks and other ways instead."""
    assert SiteSettings.for_site(Site.objects.get(is_default_site=True)).donation_url == ""
    section = _donate_section(client.get("/donate/").content.decode())
    assert "Donate online" not in section
    assert "example.org" not in section
    assert "By check" in section
    assert "Make your check payable to National Network for Immigrant and Refugee Rights" in section
    assert "Oakland, CA 94600" in section
    assert "Other ways to give" in section
    assert 'href="mailto:info@nnirr.org"' in section


def test_donate_page_with_processor_shows_button_to_the_setting(client):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.donation_url = "https://give.example.org/nnirr"
    site_settings.save()
    section = _donate_section(client.get("/donate/").content.decode())
    assert 'href="https://give.example.org/nnirr"' in section
    assert "Donate online" in section
    assert "By check" in section
    spanish = _donate_section(client.get("/es/donar/").content.decode())
    assert 'href="https://give.example.org/nnirr"' in spanish
    assert "Dona en línea" in spanish


def test_donate_page_without_any_details_still_reads_whole(client):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.donation_url = site_settings.mailing_address = site_settings.contact_email = ""
    site_settings.save()
    section = _donate_section(client.get("/donate/").content.decode())
    assert "By check" not in section
    assert "contact page" in section
    assert "<a " not in section.split("Other ways to give", 1)[0].split("</h2>", 1)[1]


def test_contact_page_lists_offices(client):
    html = client.get("/contact/").content.decode()
    assert "Washington, DC" in html
    assert "(202) 555-0175" in html
