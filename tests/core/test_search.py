"""Site search: results say what they are in plain words, and the order puts titles and content first."""

import re

import pytest
from wagtail.models import Site

from campaigns.models import ProgramIndexPage, ProgramPage
from nnirr_site.core.demo_builders import paragraph
from nnirr_site.core.models import StandardPage

pytestmark = pytest.mark.django_db

ENGLISH_KINDS = {"Program", "Campaign", "News", "Resource", "Event", "Page"}
SPANISH_KINDS = {"Programa", "Campaña", "Noticias", "Recurso", "Evento", "Página"}


def labels(html):
    """The kind shown above each result (before any date)."""
    return [label.strip() for label in re.findall(r'<p class="card__label">([^<·]+)', html)]


def titles(html):
    return re.findall(r"<h2><a href=\"[^\"]+\">([^<]+)</a></h2>", html)


def test_english_results_are_labelled_program_campaign_news_resource_event_or_page(client):
    html = client.get("/search/", {"q": "refugee"}).content.decode()
    found = labels(html)
    assert found and set(found) <= ENGLISH_KINDS
    assert {"Program", "Campaign"} <= set(found)
    for technical in ("Program page", "Standard page", "Home page", "Blog post", "Campaign page"):
        assert technical not in html


def test_spanish_results_are_labelled_in_spanish(client):
    html = client.get("/es/search/", {"q": "refugiados"}).content.decode()
    found = labels(html)
    assert found and set(found) <= SPANISH_KINDS
    assert "Programa" in found


def test_a_typo_search_puts_the_program_named_by_both_words_first_and_no_utility_page_before_content(client):
    html = client.get("/search/", {"q": "refugee rigths"}).content.decode()
    assert "No exact matches" in html
    found_titles, found_labels = titles(html), labels(html)
    assert found_titles[0].startswith("Immigrant and Refugee Rights")
    donate = StandardPage.objects.get(slug="donate", locale__language_code="en")
    assert donate.title not in found_titles[:1]
    # Every utility page ("Page") comes after every content page.
    if "Page" in found_labels:
        first_utility = found_labels.index("Page")
        assert all(label == "Page" for label in found_labels[first_utility:])


def test_a_title_match_outranks_pages_that_only_mention_the_word_in_their_body(client):
    home = Site.objects.get(is_default_site=True).root_page
    index = ProgramIndexPage.objects.child_of(home).get()
    mentions = index.add_child(instance=ProgramPage(
        title="Community gardens", slug="community-gardens-search",
        body=[paragraph("Quinoa quinoa quinoa. We grow quinoa, talk about quinoa and cook quinoa.")],
    ))
    named = index.add_child(instance=ProgramPage(
        title="Quinoa cooperatives", slug="quinoa-cooperatives-search",
        body=[paragraph("Farm workers who own what they grow.")],
    ))
    html = client.get("/search/", {"q": "quinoa"}).content.decode()
    found = titles(html)
    assert found.index(named.title) < found.index(mentions.title)
