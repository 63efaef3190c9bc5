"""Search in the visitor's language: Spanish stemming, accents ignored, fuzzy fallback, no other locale."""

import pytest
from wagtail.models import Locale, Page

from campaigns.models import ProgramPage
from nnirr_site.core.demo_builders import ensure_translation, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_program():
    english = ProgramPage.objects.filter(locale__language_code="en").first()
    spanish = english.get_translation_or_none(Locale.objects.get(language_code="es"))
    parent_es = english.get_parent().get_translation_or_none(Locale.objects.get(language_code="es"))
    if parent_es is None:
        ensure_translation(english.get_parent().specific, "es", "programas-prueba", title="Programas")
    if spanish is None:
        spanish = ensure_translation(english, "es", "programa-prueba", title="Programa de prueba")
    spanish.body = [paragraph("Las comunidades cuentan sus testimonios sobre la deportación y la detención migratoria.")]
    spanish.save_revision().publish()
    return spanish


def result_links(html):
    return [chunk.split('"', 1)[0] for chunk in html.split('<h2><a href="')[1:]]


def test_spanish_search_finds_spanish_program_by_body_word_and_not_english(client, spanish_program):
    links = result_links(client.get("/es/search/", {"q": "testimonios"}).content.decode())
    assert spanish_program.url in links
    assert all(link.startswith("/es/") for link in links)


def test_spanish_stemming_matches_other_word_forms(client, spanish_program):
    links = result_links(client.get("/es/search/", {"q": "testimonio"}).content.decode())
    assert spanish_program.url in links


def test_query_without_accents_finds_accented_words(client, spanish_program):
    links = result_links(client.get("/es/search/", {"q": "deportacion"}).content.decode())
    assert spanish_program.url in links


def test_english_search_does_not_show_spanish_pages(client, spanish_program):
    links = result_links(client.get("/search/", {"q": "testimonios"}).content.decode())
    assert spanish_program.url not in links
    assert all(not link.startswith("/es/") for link in links)


def test_english_search_finds_a_program_by_a_word_in_its_body(client):
    program = ProgramPage.objects.filter(locale__language_code="en", slug="hurricane").first()
    links = result_links(client.get("/search/", {"q": "stories"}).content.decode())
    assert program.url in links


def test_misspelt_query_falls_back_to_fuzzy_matches(client):
    html = client.get("/search/", {"q": "immigrnts"}).content.decode()
    assert "No exact matches" in html
    assert result_links(html)


@pytest.mark.parametrize("query", ["", "   ", "xqzvw", "%", "' OR 1=1 --", "a" * 5000, "<script>", "\u0000"])
def test_empty_and_nonsense_queries_never_error(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_search_results_paginate_and_survive_bad_page_numbers(client):
    for page_param in ["1", "2", "abc", "9999", "-1"]:
        assert client.get("/search/", {"q": "rights", "page": page_param}).status_code == 200


def test_search_results_show_type_and_summary(client):
    html = client.get("/search/", {"q": "privacy"}).content.decode()
    assert '<p class="card__label">Page' in html  # the kind in plain words, not "Standard page"
    assert "Standard page" not in html
    assert "What we collect, why, who can see it and when we delete it." in html
