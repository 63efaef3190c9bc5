"""English at /, Spanish under /es/: the switcher, alternate links, the untranslated-page notice."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from nnirr_site.core.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def switcher(html):
    return html.split('aria-label="Idioma"' if 'lang="es"' in html[:200] else 'aria-label="Language"', 1)[1].split(
        "</nav>", 1
    )[0]


def test_spanish_home_is_in_spanish(client):
    html = client.get("/es/").content.decode()
    assert '<html lang="es">' in html
    assert "Derechos humanos para cada inmigrante y cada refugiado" in html
    assert "Saltar al contenido principal" in html
    menu = html.split('aria-label="Principal"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/es/quienes-somos/"' in menu
    assert ">Quiénes somos</a>" in menu
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert "Red Nacional por los Derechos de Inmigrantes y Refugiados" in footer
    assert 'href="/es/privacidad/"' in footer


def test_switcher_names_languages_and_marks_the_current_one(client):
    nav = switcher(client.get("/es/quienes-somos/").content.decode())
    assert '<a href="/about/" lang="en" hreflang="en">English</a>' in nav
    assert '<a href="/es/quienes-somos/" lang="es" hreflang="es" aria-current="true">Español</a>' in nav


def test_switcher_and_alternate_links_point_to_the_same_page_in_the_other_language(client):
    html = client.get("/donate/").content.decode()
    assert 'href="/es/donar/" lang="es" hreflang="es">Español</a>' in switcher(html)
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/donar/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/donate/">' in html


def test_untranslated_page_says_so_and_links_to_spanish_home(client):
    page = StandardPageFactory(parent=StandardPage.objects.get(slug="about"), title="Annual report")
    html = client.get(page.url).content.decode()
    nav = switcher(html)
    assert 'href="/es/" lang="es" hreflang="es">Español</a>' in nav
    assert '<p class="lang-switcher__note" lang="es">Esta página aún no está traducida.</p>' in nav
    assert 'hreflang="es" href=' not in html.split("</head>", 1)[0]  # no alternate for a missing translation


def test_spanish_dates_and_labels_are_localised(client):
    with translation.override("es"):
        from django.utils.formats import date_format
        import datetime

        assert date_format(datetime.date(2021, 3, 1)) == "1 de marzo de 2021"


def test_search_page_in_spanish_keeps_its_path_in_the_switcher(client):
    html = client.get("/es/search/?q=derechos").content.decode()
    assert '<html lang="es">' in html
    assert re.search(r'href="/search/\?q=derechos" lang="en"', html)


def test_admin_stays_outside_the_language_prefix(client):
    assert client.get("/es/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 200


def test_spanish_locale_exists_for_editors():
    assert Locale.objects.filter(language_code="es").exists()
