"""A page read from a revision (previews, the editor) is Wagtail's page, with fewer queries.

``BasePage.with_content_json`` leaves out of django-modelcluster's checks the foreign keys whose answer
is thrown away (the page-wide ones Wagtail sets from the live page, each inline row's key back to the
page); ``BlogPage._tag_list`` reads a draft's tags in one query.
"""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Page

from blog.models import BlogPage, BlogPageRelatedPost
from campaigns.models import ProgramPage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

POST_SLUG = "sign-the-refugee-admissions-petition"


def wagtails(page, content):
    """The page as Wagtail's own ``Page.with_content_json`` builds it."""
    return Page.with_content_json(page, copy.deepcopy(content))


def ours(page, content):
    return page.with_content_json(copy.deepcopy(content))


def demo_pages():
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    post = BlogPage.objects.get(slug=POST_SLUG, locale__language_code="en")
    program = ProgramPage.objects.get(slug="hurricane", locale__language_code="en")
    others = [page.specific for page in Page.objects.filter(depth__gte=3, locale__language_code="en")
              .exclude(pk__in=[post.pk, program.pk]).order_by("content_type", "path")]
    by_type = {type(page): page for page in others}  # one page of every other type
    return [home, post, program, *by_type.values()]


def test_every_page_type_comes_out_as_wagtail_makes_it():
    pages = demo_pages()
    assert len({type(page) for page in pages}) >= 8
    for page in pages:
        content = page.save_revision().content
        expected, got = wagtails(page, content), ours(page, content)
        assert got.serializable_data() == expected.serializable_data(), type(page)
        for name in ("locale_id", "content_type_id", "latest_revision_id", "live_revision_id", "owner_id", "url_path",
                     "translation_key", "live", "draft_title"):
            assert getattr(got, name) == getattr(expected, name), (type(page), name)


def test_a_post_with_tags_and_authors_reads_fewer_rows():
    post = BlogPage.objects.get(slug=POST_SLUG, locale__language_code="en")
    assert post.tagged_items.count() >= 2 and post.author_links.exists()
    content = post.save_revision().content
    with CaptureQueriesContext(connection) as wagtail_queries:
        wagtails(post, content)
    with CaptureQueriesContext(connection) as our_queries:
        ours(post, content)
    sql = [query["sql"] for query in our_queries.captured_queries]
    assert len(sql) <= len(wagtail_queries.captured_queries) - post.tagged_items.count() - 3
    assert not any('FROM "wagtailcore_locale"' in query or 'FROM "django_content_type"' in query for query in sql)
    assert sum('FROM "wagtailcore_revision"' in query for query in sql) == 1  # the live revision, as Wagtail does
    assert sum('FROM "taggit_tag"' in query for query in sql) == post.tagged_items.count()  # each still checked


def test_what_was_deleted_since_the_revision_still_comes_out_as_none():
    post = BlogPage.objects.get(slug=POST_SLUG, locale__language_code="en")
    other = BlogPage.objects.live().filter(locale=post.locale).exclude(pk=post.pk).first()
    image = ImageFactory()
    post.listing_image = image
    post.related_post_links.add(BlogPageRelatedPost(post=other, sort_order=5))
    post.tags.add("a-tag-deleted-later")
    content = post.save_revision().content
    get_image_model().objects.filter(pk=image.pk).delete()
    Page.objects.filter(pk=other.pk).delete()
    from taggit.models import Tag

    Tag.objects.filter(name="a-tag-deleted-later").delete()
    expected, got = wagtails(post, content), ours(post, content)
    assert got.listing_image_id is None and expected.listing_image_id is None
    assert [link.post_id for link in got.related_post_links.all()] == []
    assert "a-tag-deleted-later" not in [tag.name for tag in got.tags.all()]
    assert got.serializable_data() == expected.serializable_data()


def test_a_drafts_tags_are_read_in_one_query_in_their_order():
    post = BlogPage.objects.get(slug=POST_SLUG, locale__language_code="en")
    post.tags.add("zebra-tag-added-last")
    draft = post.save_revision().as_object()
    expected = [tag.name for tag in draft.tags.all()]
    draft = post.get_latest_revision().as_object()
    with CaptureQueriesContext(connection) as ctx:
        tags = draft._tag_list()
    assert [tag.name for tag in tags] == expected and "zebra-tag-added-last" in expected
    assert len(ctx) == 1


def test_the_editor_opens_compares_views_and_reverts_revisions(admin_client):
    """The admin's views that read pages from revisions still work (edit, compare, view, revert)."""
    post = BlogPage.objects.get(slug=POST_SLUG, locale__language_code="en")
    first = post.save_revision()
    post.tags.add("a-tag-of-the-second-revision")
    post.title = "A second revision's title"
    second = post.save_revision()
    base = f"/admin/pages/{post.pk}"
    assert admin_client.get(f"{base}/edit/").status_code == 200
    compare = admin_client.get(f"{base}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200 and "A second revision&#x27;s title" in compare.content.decode()
    assert admin_client.get(f"{base}/revisions/{second.pk}/view/").status_code == 200
    revert = admin_client.get(f"{base}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200 and "a-tag-of-the-second-revision" not in revert.content.decode()
