"""An organization's name keeps its own language: pages in another language mark it with ``lang``.

The name is a shared fact (the same in every translation), so its language is one too; left empty,
it is the language of the entry an editor saved first.
"""

import re

import pytest
from wagtail.models import Locale

from services.models import Service

pytestmark = pytest.mark.django_db


def name_paragraph(html, name):
    """The directory's ``<p …>name</p>`` line for one organization."""
    return re.search(rf"<p[^>]*>{re.escape(name)}</p>", html).group(0)


def translate(service, name):
    spanish = service.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name = name
    spanish.save()
    return spanish


def test_left_empty_the_name_is_in_the_language_of_the_first_entry_and_every_translation_shares_it(service_maker):
    english = service_maker(organization_name="Test Border Friends")
    assert english.organization_name_language == "en"
    spanish = translate(english, "Servicio de prueba")
    assert spanish.organization_name_language == "en"
    started_in_spanish = service_maker(locale=Locale.objects.get(language_code="es"), organization_name="Casa Prueba")
    assert started_in_spanish.organization_name_language == "es"
    # Changing it on any translation changes it on all.
    spanish.organization_name_language = "es"
    spanish.save()
    english.refresh_from_db()
    assert english.organization_name_language == "es"


def test_a_spanish_name_is_marked_on_english_pages_only_and_an_english_name_on_spanish_pages_only(
    client, service_maker
):
    spanish_named = service_maker(organization_name="Casa Prueba de las Hermanas", organization_name_language="es",
                                  slug="casa-prueba", city="Testburg")
    english_named = service_maker(organization_name="Test Border Friends", slug="border-friends", city="Testburg")
    translate(spanish_named, "Albergue de prueba")
    translate(english_named, "Amistad de prueba")

    english = client.get("/services/", {"city": "US-TX:Testburg"}).content.decode()
    assert name_paragraph(english, "Casa Prueba de las Hermanas") == '<p lang="es">Casa Prueba de las Hermanas</p>'
    assert name_paragraph(english, "Test Border Friends") == "<p>Test Border Friends</p>"
    spanish = client.get("/es/servicios/", {"city": "US-TX:Testburg"}).content.decode()
    assert name_paragraph(spanish, "Casa Prueba de las Hermanas") == "<p>Casa Prueba de las Hermanas</p>"
    assert name_paragraph(spanish, "Test Border Friends") == '<p lang="en">Test Border Friends</p>'

    page = client.get("/services/casa-prueba/").content.decode()
    assert '<span lang="es">Casa Prueba de las Hermanas</span> · Testburg' in page
    page_es = client.get("/es/servicios/casa-prueba/").content.decode()
    assert "<p class=\"lead\">Casa Prueba de las Hermanas · Testburg" in page_es
    page_es = client.get("/es/servicios/border-friends/").content.decode()
    assert '<span lang="en">Test Border Friends</span> · Testburg' in page_es


def test_the_demo_marks_spanish_names_on_the_english_directory(client):
    tijuana = Service.objects.get(slug="demo-tijuana-shelter", locale=Locale.get_default())
    assert tijuana.organization_name_language == "es"
    html = client.get("/services/", {"city": "MX-BCN:Tijuana"}).content.decode()
    assert '<p lang="es">Demo Casa de las Mujeres Tijuana</p>' in html
    assert Service.objects.get(slug="demo-el-paso-shelter", locale=Locale.get_default()).organization_name_language == "en"
