"""A post's authors, topic, tags and related posts read by hand-written SQL (``BlogPage._extras_sql``) are
the ORM's answer (``get_authors``, ``get_topic``, ``tags``, ``get_related_posts``), and a preview's draft
still shows its own."""

import datetime
from unittest import mock

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from blog.models import Author, BlogPage, BlogPageAuthor, BlogPageRelatedPost, Topic
from tests.fast_path_marks import needs

# The hand-written queries apply only while the restrictions fast path is on (else Wagtail's ``public()``
# decides, and they step aside): with NNIRR_FAST_PATHS=off there is nothing to compare.
pytestmark = [pytest.mark.django_db, needs("restrictions")]


def by_orm(post):
    return post.get_authors(), post.get_topic(), list(post.tags.all()), post.get_related_posts()


def same(post):
    sql = post._extras_sql()
    assert sql is not None, "the hand-written queries apply"
    orm = by_orm(post)
    authors, topic, tags, related = sql
    assert [(a.pk, a.name, a.role, a.photo_id) for a in authors] == [(a.pk, a.name, a.role, a.photo_id) for a in orm[0]]
    assert [a.photo for a in authors] == [a.photo for a in orm[0]]
    shown_topic = (topic.pk, topic.name, topic.slug) if topic else None
    assert shown_topic == ((orm[1].pk, orm[1].name, orm[1].slug) if orm[1] else None)
    assert [(t.pk, t.name, t.slug) for t in tags] == [(t.pk, t.name, t.slug) for t in orm[2]]
    assert [p.pk for p in related] == [p.pk for p in orm[3]]
    # The chosen posts' ids and translation keys (what their related posts are kept for: related_kinds.py).
    chosen_sql = post._own_sql()[3:]
    with mock.patch("blog.models.restrictions_exist", return_value=True):  # the ORM's way
        assert post._own_sql() is None
        chosen_orm = post._own_extras()[3:]
    assert [list(map(str, part)) for part in chosen_sql] == [list(map(str, part)) for part in chosen_orm]
    return sql


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_demo_post_gets_the_same_extras_both_ways(language):
    shown = 0
    with translation.override(language):
        for post in BlogPage.objects.live().filter(locale__language_code=language):
            authors, topic, tags, related = same(post)
            shown += bool(authors) + bool(topic) + bool(tags) + bool(related)
    assert shown >= 10  # the demo posts have authors, topics, tags and related posts


def test_translated_author_and_topic_chosen_posts_and_ties_agree():
    post = BlogPage.objects.live().get(slug="sign-the-refugee-admissions-petition", locale__language_code="en")
    spanish = post.get_translation(BlogPage.objects.filter(locale__language_code="es").first().locale)
    # An English author and topic on the Spanish post: their Spanish translations are shown where they exist.
    english_author = Author.objects.filter(locale=post.locale).first()
    BlogPageAuthor.objects.create(page=spanish, author=english_author, sort_order=5)
    spanish.topic = Topic.objects.filter(locale=post.locale).exclude(pk=post.topic_id).first()
    spanish.save()
    same(spanish)
    # Posts on the same date: the newest by id first, both ways.
    for other in BlogPage.objects.live().filter(locale=post.locale, topic__isnull=False).exclude(pk=post.pk)[:3]:
        other.topic = post.topic
        other.date = datetime.date(2030, 1, 1)
        other.save()
    same(post)
    # Chosen related posts, in the editor's order.
    chosen = list(BlogPage.objects.live().filter(locale=post.locale).exclude(pk=post.pk)[:2])
    BlogPageRelatedPost.objects.create(page=post, post=chosen[1], sort_order=0)
    BlogPageRelatedPost.objects.create(page=post, post=chosen[0], sort_order=1)
    assert [p.pk for p in same(post)[3]] == [chosen[1].pk, chosen[0].pk]
    assert post._own_sql()[4] == [chosen[1].translation_key, chosen[0].translation_key]


def test_a_preview_draft_and_a_view_restriction_take_the_orm_way(django_capture_on_commit_callbacks):
    post = BlogPage.objects.live().get(slug="sign-the-refugee-admissions-petition", locale__language_code="en")
    draft = post.get_latest_revision_as_object()
    draft.tags.add("only-in-this-draft")
    assert draft._extras_sql() is None
    assert "only-in-this-draft" in [tag.name for tag in draft._own_extras()[2]]
    with django_capture_on_commit_callbacks(execute=True):  # a new site generation: the flag is read again
        PageViewRestriction.objects.create(page=post.get_parent(), restriction_type=PageViewRestriction.PASSWORD,
                                           password="x")
    assert BlogPage.objects.get(pk=post.pk)._extras_sql() is None


def test_the_blog_indexes_tag_and_topic_counts_agree_both_ways():
    from blog.models import BlogIndexPage

    post = BlogPage.objects.live().get(slug="sign-the-refugee-admissions-petition", locale__language_code="en")
    post.tags.add("Counted Once", "counted twice")
    post.save()
    other = BlogPage.objects.live().filter(locale=post.locale).exclude(pk=post.pk).first()
    other.tags.add("counted twice")
    other.save()
    for index in BlogIndexPage.objects.live():
        posts = index.get_posts()
        sql = index._counts_sql()
        assert sql == (list(index.tag_counts(posts)), list(index.topic_counts(posts)))
        assert sql[0] and sql[1], index  # the demo posts have tags and topics
    english = BlogIndexPage.objects.get(pk=post.get_parent().pk)
    counts = {row["tag__slug"]: row["count"] for row in english._counts_sql()[0]}
    assert counts["counted-once"] == 1 and counts["counted-twice"] == 2
