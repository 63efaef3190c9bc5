"""A publish forgets only what it can change (the generation scopes of nnirr_site/core/layout_cache.py),
and every change still shows on the next request.

Each rule is tested both ways where it narrows: what a change must forget shows at once, and what it
need not forget is kept (its generation unchanged).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale, Page, PageViewRestriction, Site

from blog.models import BlogPage
from email_list.models import MailingList
from nnirr_site.core import layout_cache
from nnirr_site.core.models import HomePageFeaturedResource, Menu, MenuItem, Office, SiteSettings, StandardPage
from resources.models import ResourcePage
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db

POST = "/news/sign-the-refugee-admissions-petition/"


def generations():
    return {scope: layout_cache.generation(scope) for scope in layout_cache.SCOPES}


def main_nav(html):
    return html.split('class="main-nav main-nav--wide"', 1)[1].split("</nav>", 1)[0]


def footer(html):
    return html.split('class="site-footer"', 1)[1]


def post():
    return BlogPage.objects.live().get(url_path__endswith="/sign-the-refugee-admissions-petition/",
                                       locale__language_code="en")


def test_a_wider_scope_starts_every_narrower_one(django_capture_on_commit_callbacks):
    before = generations()
    with django_capture_on_commit_callbacks(execute=True):
        layout_cache.new_generation("menu")
    after = generations()
    assert after["site"] == before["site"]
    assert after["menu"] != before["menu"] and after["page"] != before["page"]
    with django_capture_on_commit_callbacks(execute=True):
        layout_cache.new_generation()  # as a signal receiver: every scope
    assert all(generations()[scope] != after[scope] for scope in layout_cache.SCOPES)


def test_publishing_a_page_in_no_menu_keeps_menus_and_site_but_shows_the_page_at_once(
        client, django_capture_on_commit_callbacks):
    client.get(POST)
    before = generations()
    page = post()
    page.title = "A title published just now"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    after = generations()
    assert after["site"] == before["site"] and after["menu"] == before["menu"]
    assert after["page"] != before["page"]
    assert "A title published just now" in client.get(POST).content.decode()


@needs("layout_cache")
@needs("route_cache")
@needs("restrictions")
def test_the_menus_and_site_cost_no_query_after_a_publish_elsewhere(client, django_capture_on_commit_callbacks):
    client.get("/about/")
    page = post()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    with CaptureQueriesContext(connection) as ctx:
        client.get("/about/")
    sql = " ".join(query["sql"] for query in ctx.captured_queries)
    for table in ("core_menu", "wagtailcore_site", "core_sitesettings", "core_office", "email_list_mailinglist",
                  "wagtailcore_locale", "wagtailcore_pageviewrestriction"):
        assert f'FROM "{table}"' not in sql


def test_a_renamed_menu_page_shows_in_the_menu_on_the_next_request(client, django_capture_on_commit_callbacks):
    client.get(POST)
    before = generations()
    donate = StandardPage.objects.get(slug="donate", locale__language_code="en")
    donate.title = "Give today"
    with django_capture_on_commit_callbacks(execute=True):
        donate.save_revision().publish()
    assert generations()["menu"] != before["menu"]
    assert ">Give today</a>" in main_nav(client.get(POST).content.decode())


def test_a_renamed_translation_of_a_menu_page_shows_in_that_languages_menu(client, django_capture_on_commit_callbacks):
    client.get("/es/")
    spanish = StandardPage.objects.get(slug="donar")
    spanish.title = "Done hoy mismo"
    with django_capture_on_commit_callbacks(execute=True):
        spanish.save_revision().publish()
    assert ">Done hoy mismo</a>" in main_nav(client.get("/es/").content.decode())


def test_a_menu_link_follows_an_ancestor_renamed_in_its_address(client, django_capture_on_commit_callbacks):
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    parent = home.add_child(instance=StandardPage(title="Guides", slug="guides"))
    child = parent.add_child(instance=StandardPage(title="Know your rights guide", slug="kyr"))
    menu = Menu.objects.get(slug="footer", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.create(menu=menu, link_page=child, sort_order=99)
    assert 'href="/guides/kyr/"' in footer(client.get("/").content.decode())
    parent.slug = "rights-guides"
    with django_capture_on_commit_callbacks(execute=True):
        parent.save_revision().publish()  # the parent is in no menu; its child is
    html = footer(client.get("/").content.decode())
    assert 'href="/rights-guides/kyr/"' in html and 'href="/guides/kyr/"' not in html


def test_a_moved_menu_page_shows_its_new_address(client, django_capture_on_commit_callbacks):
    donate = StandardPage.objects.get(slug="donate", locale__language_code="en")
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    assert 'href="/donate/"' in main_nav(client.get("/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        donate.move(about, pos="last-child")
    assert 'href="/about/donate/"' in main_nav(client.get("/").content.decode())


def test_a_deleted_menu_page_leaves_the_menu(client, django_capture_on_commit_callbacks):
    assert 'href="/donate/"' in main_nav(client.get("/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(slug="donate", locale__language_code="en").delete()
    assert 'href="/donate/"' not in main_nav(client.get("/").content.decode())


def test_an_unpublished_menu_page_leaves_the_menu(client, django_capture_on_commit_callbacks):
    assert 'href="/donate/"' in main_nav(client.get("/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(slug="donate", locale__language_code="en").unpublish()
    assert 'href="/donate/"' not in main_nav(client.get("/").content.decode())


def test_a_home_page_published_in_place_keeps_the_site_and_menus_and_shows_at_once(
        client, django_capture_on_commit_callbacks):
    from campaigns.models import CampaignPage

    client.get("/es/")  # its sections are kept
    before = generations()
    home = Page.objects.get(depth=2, locale__language_code="es").specific
    campaign = CampaignPage.objects.live().filter(locale__language_code="es").exclude(
        pk=home.featured_campaign_id).first()
    home.hero_heading = "Inicio renovado hoy"
    home.featured_campaign = campaign
    resource = ResourcePage.objects.live().filter(locale__language_code="es").order_by("first_published_at").first()
    home.featured_resources = [HomePageFeaturedResource(resource=resource)]
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    after = generations()
    assert after["site"] == before["site"] and after["menu"] == before["menu"]
    assert after["page"] != before["page"]
    html = client.get("/es/").content.decode()
    assert "Inicio renovado hoy" in html
    assert campaign.title in html.split('id="featured-campaign"', 1)[1].split("</h2>", 1)[0]
    resources = html.split('id="home-resources"', 1)[1].split("</section>", 1)[0]
    assert resources.count('class="card__title"') == 1 and escape(resource.title) in resources


def test_a_home_page_published_in_place_shows_at_once_where_it_was_only_routed_through(
        client, django_capture_on_commit_callbacks):
    client.get("/es/programas/")  # routed from the Spanish home page, which is kept for routing
    home = Page.objects.get(depth=2, locale__language_code="es").specific
    home.hero_heading = "Inicio renovado, visto por primera vez"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "Inicio renovado, visto por primera vez" in client.get("/es/").content.decode()


def test_a_home_page_published_at_a_new_address_starts_every_scope(client, django_capture_on_commit_callbacks):
    client.get("/es/programas/")
    before = generations()
    home = Page.objects.get(depth=2, locale__language_code="es").specific
    home.slug = "inicio-nuevo"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert all(generations()[scope] != before[scope] for scope in layout_cache.SCOPES)
    assert client.get("/es/programas/").status_code == 200


def test_a_home_page_going_live_starts_every_scope(client, django_capture_on_commit_callbacks):
    home = Page.objects.get(depth=2, locale__language_code="es").specific
    with django_capture_on_commit_callbacks(execute=True):
        home.unpublish()
    client.get("/")
    before = generations()
    home = Page.objects.get(pk=home.pk).specific
    home.hero_heading = "De vuelta en línea"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert all(generations()[scope] != before[scope] for scope in layout_cache.SCOPES)
    assert "De vuelta en línea" in client.get("/es/").content.decode()


@needs("layout_cache")
@needs("route_cache")
@needs("restrictions")
def test_home_published_in_place_reads_no_menu_site_or_unchosen_section_again(
        client, django_capture_on_commit_callbacks):
    client.get("/")
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    home.hero_heading = "A new heading, nothing else"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/").content.decode()
    assert "A new heading, nothing else" in html
    sql = " ".join(query["sql"] for query in ctx.captured_queries)
    for table in ("core_menu", "wagtailcore_site", "core_sitesettings", "wagtailcore_locale",
                  "campaigns_programpage", "blog_blogpage"):
        assert f'FROM "{table}"' not in sql, table


def test_a_menu_page_published_with_its_title_unchanged_keeps_the_menus(client, django_capture_on_commit_callbacks):
    client.get(POST)
    before = generations()
    donate = StandardPage.objects.get(slug="donate", locale__language_code="en")
    donate.search_description = "Only the description changed"
    with django_capture_on_commit_callbacks(execute=True):
        donate.save_revision().publish()
    after = generations()
    assert after["menu"] == before["menu"] and after["page"] != before["page"]
    assert "Only the description changed" in client.get("/donate/").content.decode()


def test_a_menu_page_going_live_shows_in_the_menu_at_once(client, django_capture_on_commit_callbacks):
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    page = home.add_child(instance=StandardPage(title="Volunteer with us", slug="volunteer", live=False))
    menu = Menu.objects.get(slug="main", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.create(menu=menu, link_page=page, sort_order=99)
    assert 'href="/volunteer/"' not in main_nav(client.get(POST).content.decode())
    page = StandardPage.objects.get(pk=page.pk)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert 'href="/volunteer/"' in main_nav(client.get(POST).content.decode())


def test_a_new_site_hostname_answers_at_once(client, django_capture_on_commit_callbacks):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    assert about.title not in client.get("/", HTTP_HOST="otro.example.org").content.decode().split("<main", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="otro.example.org", port=80, root_page=about, site_name="Otro")
    # That host's Site is found afresh: its root, the About page, answers at "/".
    main = client.get("/", HTTP_HOST="otro.example.org").content.decode().split("<main", 1)[1]
    assert f"<h1>{about.title}</h1>" in main or about.title in main.split("</h1>", 1)[0]


def test_a_site_settings_change_shows_in_the_footer_at_once(client, django_capture_on_commit_callbacks):
    client.get("/")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "scopes@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    assert "mailto:scopes@example.org" in client.get("/").content.decode()


def test_a_new_office_shows_in_the_footer_at_once(client, django_capture_on_commit_callbacks):
    client.get("/")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        Office.objects.create(settings=site_settings, city="Tucson", phone="520-555-0100")
    assert "<strong>Tucson</strong>" in footer(client.get(POST).content.decode())


def test_a_new_public_email_list_shows_in_the_footer_at_once(client, django_capture_on_commit_callbacks):
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        MailingList.objects.create(name="Border alerts from scopes", name_es="Alertas", public=True)
    assert "Border alerts from scopes" in footer(client.get("/").content.decode())


def test_a_new_view_restriction_applies_at_once(client, django_capture_on_commit_callbacks):
    assert client.get(POST).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=post(), restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "authenticate_with_password" in client.get(POST).content.decode()


def test_a_locale_change_starts_every_scope(django_capture_on_commit_callbacks):
    before = generations()
    with django_capture_on_commit_callbacks(execute=True):
        Locale.objects.get(language_code="es").save()
    assert all(generations()[scope] != before[scope] for scope in layout_cache.SCOPES)


def test_without_a_spanish_menu_the_english_one_links_the_spanish_pages(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Menu.objects.filter(slug="main", locale__language_code="es").delete()
    nav = main_nav(client.get("/es/").content.decode())
    assert 'href="/es/programas/"' in nav and ">Programas</a>" in nav  # the English menu's page, in Spanish
    assert 'href="/programs/"' not in nav


def test_a_page_that_roots_a_site_shows_its_publish_and_starts_every_scope_at_a_new_address(client, django_capture_on_commit_callbacks):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="otro.example.org", port=80, root_page=about, site_name="Otro")
    client.get("/", HTTP_HOST="otro.example.org")  # its home page (About) is kept for the site generation
    about.title = "About, retitled for the other site"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()  # in place: its kind, not every scope
    assert "About, retitled for the other site" in client.get("/", HTTP_HOST="otro.example.org").content.decode()
    before = generations()
    about.slug = "about-the-network"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert all(generations()[scope] != before[scope] for scope in layout_cache.SCOPES)
    assert client.get("/", HTTP_HOST="otro.example.org").status_code == 200
