"""Pieces kept by page kind (``layout_cache.kind_entries``): a publish keeps what reads no page of the
published page's kind, and every change still shows on the next request.

Each rule is tested both ways: what a publish of another kind need not forget is kept (no query for
it), and every change a kept piece shows — a page of one of its kinds published, a page unpublished,
a slug changed — shows at once.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from blog.models import BlogPage
from campaigns.models import CampaignPage, ProgramPage
from nnirr_site.core import layout_cache
from resources.models import ResourcePage
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db

PROGRAM = "/programs/hurricane/"
POST = "/news/sign-the-refugee-admissions-petition/"


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def publish(page, capture, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()


def queries_of(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return " ".join(query["sql"] for query in ctx.captured_queries)


def stamps():
    return {label: layout_cache.kinds_stamp((label,)) for label in ("blog.blogpage", "campaigns.programpage")}


def test_a_publish_starts_its_own_kind_only_and_anything_else_starts_every_kind(django_capture_on_commit_callbacks):
    before = stamps()
    post = english(BlogPage, "sign-the-refugee-admissions-petition")
    publish(post, django_capture_on_commit_callbacks)
    after = stamps()
    assert after["campaigns.programpage"] == before["campaigns.programpage"]
    assert after["blog.blogpage"] != before["blog.blogpage"]
    with django_capture_on_commit_callbacks(execute=True):
        post.unpublish()
    assert all(stamps()[label] != after[label] for label in after)


@needs("page_extras")
@needs("route_cache")
@needs("layout_cache")
@needs("card_cache")
def test_a_program_page_reads_no_campaign_resource_or_translation_after_a_blog_post_is_published(
        client, django_capture_on_commit_callbacks):
    client.get(PROGRAM)
    publish(english(BlogPage, "sign-the-refugee-admissions-petition"), django_capture_on_commit_callbacks)
    sql = queries_of(client, PROGRAM)
    for table in ("campaigns_campaignpage", "resources_resourcepage", "campaigns_programrelatedresource",
                  "wagtailimages_rendition"):
        assert table not in sql  # quoted by the ORM, bare in the hand-written queries
    assert "translation_key" not in sql  # the language links
    assert "wagtailcore_page" in sql  # its own route, checked against its row (route_cache.still_current)


def test_a_campaign_published_with_a_new_title_shows_on_its_program_page_at_once(
        client, django_capture_on_commit_callbacks):
    assert "End immigration detention (2012)" in client.get(PROGRAM).content.decode()
    campaign = CampaignPage.objects.get(title="End immigration detention (2012)")
    publish(campaign, django_capture_on_commit_callbacks, title="End detention now")
    html = client.get(PROGRAM).content.decode()
    assert "End detention now" in html and "End immigration detention (2012)" not in html


def test_an_unpublished_campaign_leaves_its_program_page_at_once(client, django_capture_on_commit_callbacks):
    client.get(PROGRAM)
    campaign = CampaignPage.objects.get(title="End immigration detention (2012)")
    with django_capture_on_commit_callbacks(execute=True):
        campaign.unpublish()
    assert "End immigration detention (2012)" not in client.get(PROGRAM).content.decode()


def test_a_related_resource_renamed_or_moved_shows_on_the_program_page_at_once(
        client, django_capture_on_commit_callbacks):
    client.get(PROGRAM)
    resource = english(ResourcePage, "guilty-by-immigration-status")
    publish(resource, django_capture_on_commit_callbacks, title="Guilty by status")
    assert ">Guilty by status</a>" in client.get(PROGRAM).content.decode()
    publish(resource, django_capture_on_commit_callbacks, slug="guilty-by-status")  # its address changes
    html = client.get(PROGRAM).content.decode()
    assert 'href="/resources/guilty-by-status/"' in html
    assert "/resources/guilty-by-immigration-status/" not in html


def test_a_renamed_parent_shows_in_the_breadcrumbs_at_once(client, django_capture_on_commit_callbacks):
    client.get(PROGRAM)
    index = Page.objects.get(url_path="/home-nnirr/programs/").specific
    publish(index, django_capture_on_commit_callbacks, title="Our programs")
    breadcrumbs = client.get(PROGRAM).content.decode().split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert "Our programs" in breadcrumbs


def test_a_translation_with_a_new_address_shows_in_the_language_links_at_once(
        client, django_capture_on_commit_callbacks):
    client.get(PROGRAM)
    spanish = ProgramPage.objects.get(url_path="/inicio/programas/hurricane/")
    publish(spanish, django_capture_on_commit_callbacks, slug="huracan")
    html = client.get(PROGRAM).content.decode()
    assert 'href="/es/programas/huracan/"' in html and "/es/programas/hurricane/" not in html


def test_a_post_renamed_shows_on_the_blog_index_and_beside_other_posts_at_once(
        client, django_capture_on_commit_callbacks):
    post = english(BlogPage, "sign-the-refugee-admissions-petition")
    others = BlogPage.objects.live().filter(locale=post.locale).exclude(pk=post.pk)
    neighbor = next((other for other in others if post in other.get_related_posts()), None)
    client.get("/news/")
    if neighbor:
        client.get(neighbor.url)
    publish(post, django_capture_on_commit_callbacks, title="A title published just now")
    assert "A title published just now" in client.get("/news/").content.decode()
    if neighbor:
        assert "A title published just now" in client.get(neighbor.url).content.decode()


def test_a_new_tag_on_a_post_shows_in_the_blog_index_counts_at_once(client, django_capture_on_commit_callbacks):
    client.get("/news/")
    post = english(BlogPage, "sign-the-refugee-admissions-petition")
    post.tags.add("a-tag-added-just-now")
    publish(post, django_capture_on_commit_callbacks)
    assert "a-tag-added-just-now" in client.get("/news/").content.decode()


def test_a_post_renamed_shows_in_search_results_at_once(client, django_capture_on_commit_callbacks):
    post = english(BlogPage, "sign-the-refugee-admissions-petition")
    before = client.get("/search/?q=refugees").content.decode()
    assert post.title in before
    publish(post, django_capture_on_commit_callbacks, title="Refugee admissions: a title published just now")
    assert "Refugee admissions: a title published just now" in client.get("/search/?q=refugees").content.decode()


@needs("layout_cache")
@needs("card_cache")
def test_home_reads_only_its_news_again_after_a_post_is_published(client, django_capture_on_commit_callbacks):
    client.get("/")
    post = BlogPage.objects.live().filter(locale__language_code="en").order_by("-date").first()  # on home
    publish(post, django_capture_on_commit_callbacks, title="News published just now")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/").content.decode()
    sql = " ".join(query["sql"] for query in ctx.captured_queries)
    assert "News published just now" in html.split('id="home-posts"', 1)[1]
    for table in ("campaigns_campaignpage", "campaigns_programpage", "resources_resourcepage"):
        assert table not in sql
    assert "blog_blogpage" in sql


def test_a_program_renamed_shows_on_home_at_once(client, django_capture_on_commit_callbacks):
    client.get("/")
    program = ProgramPage.objects.get(url_path="/home-nnirr/programs/hurricane/")
    publish(program, django_capture_on_commit_callbacks, title="Hurricane, renamed just now")
    assert "Hurricane, renamed just now" in client.get("/").content.decode().split('id="home-programs"', 1)[1]


@needs("page_extras")
def test_a_program_published_keeps_its_campaigns_and_shows_its_new_resource_links_at_once(
        client, django_capture_on_commit_callbacks):
    from campaigns.models import ProgramRelatedResource

    client.get(PROGRAM)
    program = ProgramPage.objects.get(url_path="/home-nnirr/programs/hurricane/")
    other = ResourcePage.objects.live().filter(locale=program.locale).exclude(
        slug="guilty-by-immigration-status").first()
    program.related_resources.add(ProgramRelatedResource(page=other, sort_order=9))
    publish(program, django_capture_on_commit_callbacks)
    sql = queries_of(client, PROGRAM)
    assert "campaigns_campaignpage" not in sql  # the campaigns name the program: its publish keeps them
    assert f">{other.title}</a>" in client.get(PROGRAM).content.decode()


@needs("page_extras")
def test_a_post_keeps_its_authors_and_tags_when_another_post_is_published_and_shows_its_own_at_once(
        client, django_capture_on_commit_callbacks):
    client.get(POST)
    publish(english(BlogPage, "our-new-website"), django_capture_on_commit_callbacks)
    sql = queries_of(client, POST)
    assert "blog_blogpageauthor" not in sql and "taggit_tag" not in sql
    post = english(BlogPage, "sign-the-refugee-admissions-petition")
    post.tags.add("a-tag-of-this-post")
    publish(post, django_capture_on_commit_callbacks)
    assert "a-tag-of-this-post" in client.get(POST).content.decode()


def test_a_new_translation_published_shows_in_the_language_links_at_once(client, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from nnirr_site.core.models import StandardPage

    home = Page.objects.get(depth=2, locale__language_code="en").specific
    with django_capture_on_commit_callbacks(execute=True):
        page = home.add_child(instance=StandardPage(title="Know your rights", slug="know-your-rights-now"))
        page.save_revision().publish()
    assert 'href="/es/know-your-rights-now/"' not in client.get("/know-your-rights-now/").content.decode()
    spanish = page.copy_for_translation(Locale.objects.get(language_code="es"))
    # Its slug kept (a new slug is a slug change, which starts every kind anyway).
    publish(spanish, django_capture_on_commit_callbacks, title="Conoce tus derechos")
    assert 'href="/es/know-your-rights-now/"' in client.get("/know-your-rights-now/").content.decode()


@needs("page_extras")
@needs("route_cache")
@needs("layout_cache")
def test_a_publish_in_place_keeps_the_language_links_and_breadcrumbs_and_shows_the_page_at_once(
        client, django_capture_on_commit_callbacks):
    client.get(PROGRAM)
    index = Page.objects.get(url_path="/home-nnirr/programs/").specific
    publish(index, django_capture_on_commit_callbacks, search_description="Only the index's description")
    program = english(ProgramPage, "hurricane")
    publish(program, django_capture_on_commit_callbacks, summary="A summary published just now")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(PROGRAM).content.decode()
    assert "A summary published just now" in html
    sql = " ".join(query["sql"] for query in ctx.captured_queries)
    assert '"wagtailcore_page"."translation_key" =' not in sql  # the language links (the page's own read selects it)
    assert '"wagtailcore_page"."path" IN' not in sql  # the breadcrumbs' ancestors
