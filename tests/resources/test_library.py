"""The resource library: page tree, rendering, combinable filters with counts, bad parameters, query counts."""

import re

import pytest
from wagtail.models import Page, Site

from blog.models import BlogIndexPage
from resources.models import ResourceIndexPage, ResourceKind, ResourcePage
from tests.factories import ImageFactory
from tests.resources.query_counting import count_queries

pytestmark = pytest.mark.django_db


def library():
    return ResourceIndexPage.objects.get(slug="resources", locale__language_code="en")


def english_resources():
    return ResourcePage.objects.child_of(library()).live()


def card_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def option(html, name, value):
    """The text of ``value``'s option in the select called ``name``."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    match = re.search(rf'<option value="{re.escape(str(value))}"[^>]*>([^<]*)</option>', select)
    return match.group(1) if match else None


def get(client, **params):
    response = client.get("/resources/", params)
    assert response.status_code == 200
    return response.content.decode()


def add_resources(count, start=0, **fields):
    index = library()
    for n in range(start, start + count):
        index.add_child(
            instance=ResourcePage(
                title=f"Bulk resource {n:03d}",
                slug=f"bulk-resource-{n}",
                summary="A resource made by a test.",
                **fields,
            )
        )


def test_page_tree_rules():
    home = Site.objects.get(is_default_site=True).root_page
    assert ResourcePage.can_create_at(library())
    assert not ResourcePage.can_create_at(home)
    assert not ResourcePage.can_create_at(BlogIndexPage.objects.get(slug="news"))
    assert not ResourceIndexPage.can_create_at(home)  # one per home, and it exists
    assert not ResourceIndexPage.can_create_at(library())
    assert ResourcePage.subpage_types == []


def test_library_lists_every_resource_from_the_brief(client):
    html = get(client)
    expected = set(english_resources().values_list("title", flat=True))
    assert len(expected) == 14
    for title in [
        "Network News, Fall 2020",
        "Guilty by Immigration Status",
        "BRIDGE: a popular-education workbook on race and immigration",
        "Uprooted: Refugees of the Global Economy",
        "International Migrants Day: call to action",
        "Tips on Passing Local Resolutions",
        "Sample letters to officials",
        "The Global Compact for Migration",
        "Human rights at international borders",
        "Closing remarks at the Global Compact regional review consultation, 2021",
        "Flyers about the network",
    ]:
        assert title in expected
    assert "14 resources" in html
    assert set(card_titles(html)) <= expected and len(card_titles(html)) == 12
    assert card_titles(html)[0] == "Closing remarks at the Global Compact regional review consultation, 2021"


def test_filter_form_works_without_javascript(client):
    html = get(client)
    form = re.search(r'<form class="library-filters" method="get" action="/resources/".*?</form>', html, re.S).group(0)
    for name in ["kind", "topic", "language", "year"]:
        assert f'<label for="id_{name}">' in form
        assert f'<select name="{name}" id="id_{name}">' in form
    assert '<button type="submit">' in form
    assert "<script" not in html


def test_filter_by_kind_with_counts(client):
    toolkits = english_resources().filter(kind=ResourceKind.TOOLKIT)
    html = get(client, kind="toolkit")
    assert sorted(card_titles(html)) == sorted(toolkits.values_list("title", flat=True))
    assert option(html, "kind", "toolkit") == f"Toolkit ({toolkits.count()})"
    assert option(html, "kind", "report") == "Report (3)"  # counts for other kinds ignore the kind filter
    assert option(html, "language", "es") == "Spanish (1)"  # counts for other filters respect it
    assert re.search(r'<option value="toolkit" selected>', html)
    assert "Kind: Toolkit" in html


def test_filters_combine(client):
    html = get(client, kind="toolkit", language="es")
    assert card_titles(html) == ["International Migrants Day: call to action"]
    assert re.search(r'id="results">\s*1 resource\s*</h2>', html)
    html = get(client, topic="outreach", language="es")
    assert card_titles(html) == ["Flyers about the network"]
    html = get(client, year="2008")
    assert card_titles(html) == ["Guilty by Immigration Status"]
    html = get(client, kind="video", year="2021")
    assert card_titles(html) == []
    assert "No resources match these filters." in html


def test_removing_one_filter_keeps_the_others(client):
    html = get(client, kind="toolkit", language="es")
    assert 'href="?language=es#results">Kind: Toolkit' in html
    assert 'href="?kind=toolkit#results">Language: Spanish' in html


def test_counts_per_topic_and_year(client):
    html = get(client)
    assert option(html, "topic", "outreach") == "outreach (2)"
    assert option(html, "year", "2020") == "2020 (3)"
    assert option(html, "topic", "migrants-day") == "Migrants Day (3)"


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "spaceship"},
        {"year": "abc"},
        {"year": "1850"},
        {"topic": "no-such-topic"},
        {"language": "klingon"},
        {"kind": "x" * 1000, "year": "9" * 50},
        {"page": "abc"},
    ],
)
def test_unknown_filter_values_are_ignored(client, params):
    html = get(client, **params)
    assert "14 resources" in html
    assert len(card_titles(html)) == 12
    if "page" not in params:
        assert "Some filter values were not recognized and have been ignored." in html


def test_an_invalid_filter_does_not_drop_the_valid_ones(client):
    html = get(client, kind="report", year="not-a-year")
    assert sorted(card_titles(html)) == sorted(english_resources().filter(kind="report").values_list("title", flat=True))


def test_pagination_keeps_filters_and_survives_bad_pages(client):
    add_resources(20, kind=ResourceKind.REPORT, publication_year=1999, languages=["es"])
    html = get(client, kind="report", language="es")
    assert "20 resources" in html
    assert 'href="?kind=report&amp;language=es&amp;page=2"' in html
    page_two = get(client, kind="report", language="es", page="2")
    assert card_titles(page_two) == [f"Bulk resource {n:03d}" for n in range(12, 20)]
    assert 'href="?kind=report&amp;language=es&amp;page=1"' in page_two
    assert card_titles(get(client, kind="report", language="es", page="9999")) == card_titles(page_two)
    assert card_titles(get(client, kind="report", language="es", page="abc")) == card_titles(html)


def test_resource_page_shows_files_with_type_and_size_and_catalogue_details(client):
    page = english_resources().get(slug="international-migrants-day-call-to-action")
    html = client.get(page.url).content.decode()
    links = page.document_links.select_related("document")
    for link in links:
        document = link.document
        assert f'<a href="/documents/{document.id}/{document.filename}">{link.label}</a>' in html
    assert "/media/documents/" not in html
    assert re.search(r"\(PDF, [\d.]+\xa0KB\)", html)
    assert "<dt>Published</dt><dd>2020</dd>" in html
    assert "<dd>English, Spanish</dd>" in html
    assert 'href="/resources/?topic=migrants-day">Migrants Day</a>' in html


def test_video_resource_links_out_without_embedding(client):
    page = english_resources().get(slug="uprooted")
    html = client.get(page.url).content.decode()
    assert f'href="{page.video_url}"' in html
    assert "(30 min)" in html
    assert "<iframe" not in html
    assert "Opens on another website" in html


def test_external_link_resource(client):
    page = english_resources().get(slug="rights-at-borders")
    html = client.get(page.url).content.decode()
    assert 'href="https://www.ohchr.org/en/migration" rel="noopener noreferrer">The UN human rights office' in html


def test_spanish_library_lists_spanish_resources(client):
    response = client.get("/es/recursos/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    titles = card_titles(html)
    assert {
        "Consejos para aprobar resoluciones locales",
        "Día Internacional del Migrante: llamado a la acción",
        "Palabras de clausura en la consulta previa a la revisión regional del Pacto Mundial, 2021",
        "Cartas modelo a las autoridades",
    } <= set(titles)
    assert "Sample letters to officials" not in titles  # every resource has its Spanish page
    html = client.get("/es/recursos/", {"topic": "pacto-mundial"}).content.decode()
    assert set(card_titles(html)) == {
        "Palabras de clausura en la consulta previa a la revisión regional del Pacto Mundial, 2021",
        "El Pacto Mundial para la Migración",
    }
    # Spanish copies carry Spanish topics: no English topic is offered on the Spanish library.
    library_html = client.get("/es/recursos/").content.decode()
    for english in ("Global Compact", "outreach", "take action", "immigration policy", "refugees"):
        assert f">{english} (" not in library_html
    assert "Pacto Mundial (" in library_html and "difusión (" in library_html


def test_library_query_count_does_not_grow_with_resources(client):
    ResourcePage.objects.child_of(library()).delete()
    kinds = [ResourceKind.REPORT, ResourceKind.TOOLKIT]

    def add(count, start):
        image = ImageFactory()
        for n in range(start, start + count):
            library().add_child(
                instance=ResourcePage(
                    title=f"Load resource {n}",
                    slug=f"load-resource-{n}",
                    kind=kinds[n % 2],
                    publication_year=2000 + n % 5,
                    languages=["en", "es"][: 1 + n % 2],
                    listing_image=image,
                )
            )
            page = ResourcePage.objects.get(slug=f"load-resource-{n}")
            page.topics.add(f"topic {n % 3}")
            page.save()

    urls = ["/resources/", "/resources/?kind=report&language=en&topic=topic-1", "/resources/?year=2001&page=2"]
    add(10, 0)
    assert len(card_titles(get(client))) == 10
    with_ten = [count_queries(client, url) for url in urls]
    add(190, 10)
    assert len(card_titles(get(client))) == 12
    assert [count_queries(client, url) for url in urls] == with_ten


def test_every_resource_page_opens_in_the_editor(admin_client):
    pages = Page.objects.type(ResourceIndexPage, ResourcePage).live()
    assert pages.count() >= 19
    for page in pages:
        assert admin_client.get(f"/admin/pages/{page.id}/edit/").status_code == 200, page.url


def test_staff_listing_filters_resources_by_kind_and_exports(admin_client):
    response = admin_client.get("/admin/resource_pages/", {"kind": "video"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uprooted: Refugees of the Global Economy" in html
    assert "Guilty by Immigration Status" not in html
    export = admin_client.get("/admin/resource_pages/", {"export": "csv", "publication_year": "2008"})
    assert export["Content-Type"].startswith("text/csv")
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0] == "Pk,Title,Kind,Publication year,Languages,Url"
    assert sorted(row.split(",")[1] for row in rows[1:]) == [
        "Guilty by Immigration Status", "Guilty by Immigration Status (Culpables por su estatus migratorio)"]
