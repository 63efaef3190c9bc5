"""Site search finds programs by their body text; the Spanish demo pages exist and read in Spanish."""

import pytest
from wagtail.models import Locale, Page

from campaigns.models import CampaignPage, ProgramPage
from nnirr_site.core.demo_builders import paragraph

pytestmark = pytest.mark.django_db


def test_search_finds_a_program_by_a_word_only_in_its_body(client, make_program):
    program = make_program(
        title="Neighborhood defense",
        summary="Helping neighbors look after each other.",
        body=[paragraph("Volunteers run a telephone tree and a cartographers' circle.")],
    )
    assert program.id in [page.id for page in Page.objects.live().search("cartographers")]
    html = client.get("/search/", {"q": "cartographers"}).content.decode()
    assert "Neighborhood defense" in html


def test_search_finds_the_demo_bridge_program_by_its_workbook(client):
    bridge = ProgramPage.objects.get(slug="bridge", locale__language_code="en")
    assert "workbook" not in bridge.title.lower() + bridge.summary.lower()
    assert bridge.id in [page.id for page in Page.objects.live().search("workbook")]


@pytest.mark.parametrize(
    "url, title",
    [
        ("/es/programas/", "<h1>Programas</h1>"),
        ("/es/programas/hurricane/", "Red de Acción Comunitaria"),
        ("/es/programas/bridge/", "diálogo sobre raza e inmigración"),
        ("/es/programas/irrti/", "Institutos de Formación"),
        ("/es/campanas/", "<h1>Campañas</h1>"),
        ("/es/campanas/ratificar-convencion-trabajadores-migratorios/", "Convención sobre los Trabajadores"),
        ("/es/campanas/admision-refugiados-2021/", "62.500 personas refugiadas"),
        ("/es/campanas/dia-internacional-del-migrante/", "Día Internacional del Migrante"),
    ],
)
def test_spanish_demo_pages_render_in_spanish(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert title in html


def test_spanish_campaign_dates_and_index_use_spanish(client):
    html = client.get("/es/campanas/admision-refugiados-2021/").content.decode()
    assert "16 de abril de 2021" in html
    index = client.get("/es/campanas/").content.decode()
    assert "Que se admita al menos a 62.500 personas refugiadas" in index
    assert "Admit at least 62,500 refugees" not in index


def test_spanish_migrants_day_keeps_its_editions_and_toolkit_in_spanish(client):
    english = CampaignPage.objects.get(slug="international-migrants-day", locale__language_code="en")
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.editions.count() == english.editions.count()
    html = client.get(spanish.url).content.decode()
    assert "Esenciales, no desechables" in html
    assert "Tips on Passing Local Resolutions" in html  # the shared documents stay linked
    assert 'href="/es/contacto/"' in html  # the call to action points at the Spanish contact page
