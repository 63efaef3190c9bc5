"""The blog: where its pages go, what the index and posts show, filters, pagination and query counts."""

import datetime
import re

import pytest
from wagtail.models import Page, Site

from blog.models import Author, BlogIndexPage, BlogPage, Topic
from nnirr_site.core.models import StandardPage
from resources.models import ResourceIndexPage, ResourcePage
from tests.factories import ImageFactory
from tests.resources.query_counting import count_queries

pytestmark = pytest.mark.django_db


def home():
    return Site.objects.get(is_default_site=True).root_page.specific


def news():
    return BlogIndexPage.objects.get(slug="news", locale__language_code="en")


def english_posts():
    return BlogPage.objects.child_of(news()).live()


def card_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def add_posts(count, start=0, **fields):
    index = news()
    image = fields.pop("listing_image", None)
    for n in range(start, start + count):
        index.add_child(
            instance=BlogPage(
                title=f"Bulk post {n}",
                slug=f"bulk-post-{n}",
                date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
                summary="A post made by a test.",
                listing_image=image,
                **fields,
            )
        )


def test_page_tree_rules():
    index = news()
    assert BlogPage.can_create_at(index)
    assert not BlogPage.can_create_at(home())
    assert not BlogPage.can_create_at(StandardPage.objects.get(slug="about"))
    assert not BlogIndexPage.can_create_at(home())  # one per home, and it exists
    assert not BlogIndexPage.can_create_at(index)
    assert not ResourcePage.can_create_at(index)
    assert not BlogPage.can_create_at(ResourceIndexPage.objects.get(slug="resources"))
    assert BlogPage.subpage_types == []


def test_index_lists_posts_newest_first_with_feed_links(client):
    response = client.get("/news/")
    assert response.status_code == 200
    html = response.content.decode()
    expected = list(english_posts().order_by("-date").values_list("title", flat=True))
    assert len(expected) >= 6
    assert card_titles(html) == expected
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/news/feed/rss/"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/news/feed/atom/"' in html
    # The Spanish posts are not listed on the English index.
    assert "Firma la petición" not in html


def test_post_shows_date_authors_topic_tags_and_chosen_related_posts(client):
    post = english_posts().get(slug="first-100-days")
    response = client.get(post.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>The first 100 days: real progress, and what still has to change</h1>" in html
    assert '<time datetime="2021-04-30">' in html
    assert "By Alma Maquitico and NNIRR staff" in html
    assert "Co-Director" in html
    assert 'href="/news/?topic=human-rights">Human rights</a>' in html
    assert 'href="/news/?tag=essential-workers">essential workers</a>' in html
    related = html.split('id="related-heading"', 1)[1]
    assert card_titles(related) == [
        "Sign the petition: admit at least 62,500 refugees this year",
        "Our remarks at the Global Compact for Migration regional review",
    ]
    assert 'type="application/rss+xml"' in html


def test_related_posts_fall_back_to_the_same_topic(client):
    post = english_posts().get(slug="human-rights-network-highlights-nnirr")
    assert not post.related_post_links.exists()
    html = client.get(post.url).content.decode()
    related = card_titles(html.split('id="related-heading"', 1)[1])
    same_topic = english_posts().filter(topic=post.topic).exclude(pk=post.pk)
    assert related == [p.title for p in same_topic.order_by("-date")]
    assert related  # the demo has another human-rights post


def test_filter_by_tag_shows_heading_count_and_way_back(client):
    html = client.get("/news/", {"tag": "refugees"}).content.decode()
    tagged = english_posts().filter(tags__slug="refugees").order_by("-date")
    assert tagged.count() == 2
    assert card_titles(html) == [p.title for p in tagged]
    assert "Posts tagged “refugees”" in html
    assert "2 posts" in html
    assert '<a href="/news/">Show all posts</a>' in html


def test_filter_by_topic_and_combined_with_tag(client):
    html = client.get("/news/", {"topic": "border-rights"}).content.decode()
    assert card_titles(html) == ["Twelve years of the UN guidelines on human rights at borders",
                                 "Calling border organizations: take the community survey"]
    assert "Posts on “Rights at the border”" in html
    html = client.get("/news/", {"topic": "human-rights", "tag": "deportations"}).content.decode()
    assert card_titles(html) == ["The first 100 days: real progress, and what still has to change"]


@pytest.mark.parametrize("params", [{"tag": "no-such-tag"}, {"topic": "no-such-topic"}, {"tag": "x" * 500}])
def test_unknown_filters_show_no_posts_but_no_error(client, params):
    response = client.get("/news/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert card_titles(html) == []
    assert "No posts match this filter." in html
    assert "Show all posts" in html


def test_sidebar_lists_topics_and_tags_with_counts(client):
    html = client.get("/news/").content.decode()
    network_count = english_posts().filter(tags__slug="our-network").count()
    assert network_count == 3
    assert re.search(r'href="/news/\?tag=our-network">our network <span class="visually-hidden">\(</span>'
                     r'<span class="tag__count">3</span>', html)
    assert re.search(r'href="/news/\?topic=human-rights">Human rights</a> <span class="file-meta">\(3\)</span>', html)


def test_pagination_and_bad_page_numbers(client):
    add_posts(12)  # 10 demo posts (3 of them from 2026) + 12 = 22: two pages of 12
    first = card_titles(client.get("/news/").content.decode())
    assert len(first) == 12
    assert first[0] == "International Migrants Day 2026: events in nine states and online"
    assert first[3] == "Bulk post 11"
    page_two = client.get("/news/", {"page": 2}).content.decode()
    assert len(card_titles(page_two)) == 10
    assert "Page 2 of 2" in page_two
    assert card_titles(client.get("/news/", {"page": "abc"}).content.decode()) == first
    assert card_titles(client.get("/news/", {"page": "9999"}).content.decode()) == card_titles(page_two)
    assert card_titles(client.get("/news/", {"page": "-3"}).content.decode()) == card_titles(page_two)


def test_pagination_keeps_the_tag_filter(client):
    topic = Topic.objects.get(slug="network-news")
    add_posts(14, topic=topic)
    for post in BlogPage.objects.filter(slug__startswith="bulk-post-"):
        post.tags.add("bulk")
        post.save()
    html = client.get("/news/", {"tag": "bulk"}).content.decode()
    assert len(card_titles(html)) == 12
    assert 'href="?tag=bulk&amp;page=2"' in html
    html = client.get("/news/", {"tag": "bulk", "page": 2}).content.decode()
    assert card_titles(html) == ["Bulk post 1", "Bulk post 0"]


def test_spanish_index_lists_spanish_posts_and_spanish_topics(client):
    response = client.get("/es/noticias/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    titles = card_titles(html)
    assert "Firma la petición: que se admita al menos a 62.500 refugiados este año" in titles
    assert "Organizaciones de la frontera: respondan la encuesta comunitaria" in titles
    assert all("Bulk" not in t and "Welcome" not in t for t in titles)
    assert 'href="/es/noticias/feed/rss/"' in html
    html = client.get("/es/noticias/", {"topic": "derechos-en-la-frontera"}).content.decode()
    assert card_titles(html) == ["Doce años de las directrices de la ONU sobre derechos humanos en las fronteras",
                                 "Organizaciones de la frontera: respondan la encuesta comunitaria"]


def test_spanish_post_shows_translated_author_role_and_topic(client):
    post = BlogPage.objects.get(slug="encuesta-comunitaria-fronteriza")
    html = client.get(post.url).content.decode()
    assert "Equipo del Diálogo Fronterizo" in html
    assert "Diálogo Comunitario Fronterizo Nacional" in html  # the author's role in Spanish
    assert "Border Dialogue team" not in html
    assert 'href="/es/noticias/?topic=derechos-en-la-frontera">Derechos en la frontera</a>' in html


def test_index_query_count_does_not_grow_with_posts(client):
    BlogPage.objects.child_of(news()).delete()
    topic = Topic.objects.get(slug="human-rights", locale__language_code="en")
    add_posts(10, topic=topic, listing_image=ImageFactory())
    assert len(card_titles(client.get("/news/").content.decode())) == 10
    with_ten = count_queries(client, "/news/")
    with_ten_filtered = count_queries(client, "/news/?topic=human-rights&page=1")
    add_posts(190, start=10, topic=topic, listing_image=ImageFactory())
    assert len(card_titles(client.get("/news/").content.decode())) == 12
    assert count_queries(client, "/news/") == with_ten
    assert count_queries(client, "/news/?topic=human-rights&page=1") == with_ten_filtered
    assert count_queries(client, "/news/?topic=human-rights&page=9") == with_ten_filtered


def test_authors_and_topics_are_listed_in_the_admin(admin_client):
    authors = admin_client.get("/admin/snippets/blog/author/")
    assert authors.status_code == 200
    assert "Alma Maquitico" in authors.content.decode()
    topics = admin_client.get("/admin/snippets/blog/topic/")
    assert topics.status_code == 200
    assert "Rights at the border" in topics.content.decode()
    author = Author.objects.get(name="Alma Maquitico", locale__language_code="en")
    assert admin_client.get(f"/admin/snippets/blog/author/edit/{author.pk}/").status_code == 200


def test_every_blog_page_opens_in_the_editor(admin_client):
    pages = Page.objects.type(BlogIndexPage, BlogPage).live()
    assert pages.count() >= 10
    for page in pages:
        assert admin_client.get(f"/admin/pages/{page.id}/edit/").status_code == 200, page.url
