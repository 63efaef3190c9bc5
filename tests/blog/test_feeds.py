"""RSS and Atom feeds of the blog: valid XML of the right kind, the right posts, one language each."""

import xml.etree.ElementTree as ET

import pytest

from blog.models import BlogIndexPage, BlogPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def posts_of(slug):
    index = BlogIndexPage.objects.get(slug=slug)
    return list(BlogPage.objects.child_of(index).live().order_by("-date").values_list("title", flat=True))


def test_rss_feed_is_rss_2_with_english_posts_newest_first(client):
    response = client.get("/news/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == "http://testserver/news/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == posts_of("news")
    first = items[0]
    assert first.findtext("link") == "http://testserver/news/international-migrants-day-2026-events/"
    assert first.findtext("pubDate").startswith("Wed, 18 Nov 2026")
    assert "Network news" in [c.text for c in first.findall("category")]


def test_atom_feed_is_atom_with_the_same_posts(client):
    response = client.get("/news/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == posts_of("news")
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://testserver/news/international-migrants-day-2026-events/"
    assert first.find(f"{ATOM}author").findtext(f"{ATOM}name") == "NNIRR staff"


def test_spanish_feeds_list_only_spanish_posts(client):
    rss = ET.fromstring(client.get("/es/noticias/feed/rss/").content)
    channel = rss.find("channel")
    assert channel.findtext("language") == "es"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == posts_of("noticias")
    assert "Firma la petición: que se admita al menos a 62.500 refugiados este año" in titles
    assert "Welcome to our new website" not in titles
    survey = next(item for item in channel.findall("item") if item.findtext("title").startswith("Organizaciones"))
    assert survey.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Equipo del Diálogo Fronterizo"
    assert [c.text for c in survey.findall("category")][0] == "Derechos en la frontera"
    atom = ET.fromstring(client.get("/es/noticias/feed/atom/").content)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    assert [e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")] == titles


def test_feed_leaves_out_drafts(client):
    post = BlogPage.objects.get(slug="first-100-days")
    post.unpublish()
    root = ET.fromstring(client.get("/news/feed/rss/").content)
    titles = [item.findtext("title") for item in root.find("channel").findall("item")]
    assert post.title not in titles
    assert len(titles) == len(posts_of("news"))


def test_unknown_feed_route_is_404(client):
    assert client.get("/news/feed/json/").status_code == 404
