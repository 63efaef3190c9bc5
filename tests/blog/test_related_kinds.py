"""A post's related posts are kept across publishes of posts on other topics (``blog/related_kinds.py``),
and every change they can show still shows on the very next request.

The viewed posts (demo content): "Endorse the 2026 national statement" suggests the newest posts on its
topic, human rights ("First 100 days", "... highlights ..."); "First 100 days" suggests the two posts its
editor chose (the petition post and the Global Compact remarks), and its Spanish translation their
Spanish translations. "Our new website" is on another topic (network news).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.signals import page_published

from blog.models import BlogIndexPage, BlogPage, BlogPageRelatedPost
from nnirr_site.core import layout_cache
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db

ENDORSE = "/news/endorse-the-2026-national-statement/"
HUNDRED_DAYS = "/news/first-100-days/"
HUNDRED_DAYS_ES = "/es/noticias/los-primeros-100-dias/"


def post(slug, language="en"):
    return BlogPage.objects.get(slug=slug, locale__language_code=language)


def publish(page, capture, **changes):
    page = BlogPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()
    return page


def related(client, path):
    """The related posts section of ``path``'s page as served now ("" when it shows none)."""
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    if 'id="related-heading"' not in html:
        return ""
    return html.split('id="related-heading"', 1)[1].split("</section>", 1)[0]


def test_the_demo_posts_suggest_what_these_tests_expect(client):
    suggested = related(client, ENDORSE)
    assert post("first-100-days").title in suggested
    assert post("human-rights-network-highlights-nnirr").title in suggested
    chosen = related(client, HUNDRED_DAYS)
    assert post("sign-the-refugee-admissions-petition").title in chosen
    assert post("remarks-global-compact-regional-review").title in chosen
    assert post("firma-la-peticion-de-admision-de-refugiados", "es").title in related(client, HUNDRED_DAYS_ES)


@needs("page_extras")
@needs("route_cache")
@needs("layout_cache")
@needs("card_cache")
def test_a_post_on_another_topic_published_reads_no_related_post_again(client, django_capture_on_commit_callbacks):
    shown = {path: related(client, path) for path in (ENDORSE, HUNDRED_DAYS, HUNDRED_DAYS_ES)}
    publish(post("our-new-website"), django_capture_on_commit_callbacks)
    for path, before in shown.items():
        with CaptureQueriesContext(connection) as ctx:
            assert related(client, path) == before
        sql = " ".join(query["sql"] for query in ctx.captured_queries)
        assert "blog_blogpage" not in sql, path  # neither the posts on the topic nor the chosen ones


def test_a_new_post_on_the_topic_shows_at_once(client, django_capture_on_commit_callbacks):
    related(client, ENDORSE)
    endorse = post("endorse-the-2026-national-statement")
    index = endorse.get_parent().specific
    new = BlogPage(title="A human rights post published just now", slug="published-just-now",
                   topic=endorse.topic, date=datetime.date(2030, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        index.add_child(instance=new)
        new.save_revision().publish()
    assert "A human rights post published just now" in related(client, ENDORSE)


def test_a_related_post_renamed_shows_at_once(client, django_capture_on_commit_callbacks):
    related(client, ENDORSE)
    publish(post("first-100-days"), django_capture_on_commit_callbacks, title="The first hundred days")
    assert "The first hundred days" in related(client, ENDORSE)


def test_a_post_moved_to_the_topic_shows_and_one_moved_away_leaves_at_once(client, django_capture_on_commit_callbacks):
    related(client, ENDORSE)
    endorse = post("endorse-the-2026-national-statement")
    network_news = post("our-new-website").topic
    assert network_news != endorse.topic
    publish(post("our-new-website"), django_capture_on_commit_callbacks, topic=endorse.topic,
            date=datetime.date(2030, 1, 1))
    assert post("our-new-website").title in related(client, ENDORSE)
    # Leaving: the list of the topic it had before its publish is read again too.
    leaving = post("human-rights-network-highlights-nnirr")
    assert leaving.title in related(client, ENDORSE)
    publish(leaving, django_capture_on_commit_callbacks, topic=network_news)
    assert leaving.title not in related(client, ENDORSE)


def test_a_related_post_unpublished_or_deleted_leaves_at_once(client, django_capture_on_commit_callbacks):
    first = post("first-100-days")
    assert first.title in related(client, ENDORSE)
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert first.title not in related(client, ENDORSE)
    highlights = post("human-rights-network-highlights-nnirr")
    assert highlights.title in related(client, ENDORSE)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=highlights.pk).delete()
    assert highlights.title not in related(client, ENDORSE)


def test_a_related_post_moved_shows_its_new_address_at_once(client, django_capture_on_commit_callbacks):
    assert 'href="/news/first-100-days/"' in related(client, ENDORSE)
    home = post("first-100-days").get_parent().get_parent()
    stories = BlogIndexPage(title="Stories", slug="stories")
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=stories)
        stories.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=post("first-100-days").pk).move(stories, pos="last-child")
    shown = related(client, ENDORSE)
    assert 'href="/stories/first-100-days/"' in shown and 'href="/news/first-100-days/"' not in shown


def test_a_chosen_post_renamed_shows_at_once_in_its_language(client, django_capture_on_commit_callbacks):
    related(client, HUNDRED_DAYS)
    related(client, HUNDRED_DAYS_ES)
    # The chosen post is on another topic than the post that chose it.
    petition = post("sign-the-refugee-admissions-petition")
    assert petition.topic.translation_key != post("first-100-days").topic.translation_key
    publish(petition, django_capture_on_commit_callbacks, title="Sign the petition today")
    assert "Sign the petition today" in related(client, HUNDRED_DAYS)
    # The Spanish post shows the Spanish translation of its chosen post: publishing that translation shows.
    publish(post("firma-la-peticion-de-admision-de-refugiados", "es"), django_capture_on_commit_callbacks,
            title="Firma la petición hoy")
    assert "Firma la petición hoy" in related(client, HUNDRED_DAYS_ES)


def test_the_posts_own_publish_with_a_chosen_post_shows_at_once(client, django_capture_on_commit_callbacks):
    related(client, ENDORSE)
    endorse = BlogPage.objects.get(pk=post("endorse-the-2026-national-statement").pk)
    endorse.related_post_links = [BlogPageRelatedPost(post=post("our-new-website"), sort_order=0)]
    with django_capture_on_commit_callbacks(execute=True):
        endorse.save_revision().publish()
    shown = related(client, ENDORSE)
    assert post("our-new-website").title in shown and post("first-100-days").title not in shown


def test_a_publish_whose_topic_before_is_unknown_starts_every_kind(django_capture_on_commit_callbacks):
    before = layout_cache.kinds_stamp(("campaigns.programpage",))
    fresh = BlogPage.objects.get(pk=post("our-new-website").pk)  # not saved: its topic before is not known
    with django_capture_on_commit_callbacks(execute=True):
        page_published.send(sender=BlogPage, instance=fresh, revision=fresh.live_revision)
    assert layout_cache.kinds_stamp(("campaigns.programpage",)) != before


def test_chosen_posts_reordered_on_a_post_without_topic_show_at_once(client, django_capture_on_commit_callbacks):
    # Without a topic, no topic kind is started by the post's own publish: its live revision is what changes.
    first = publish(post("first-100-days"), django_capture_on_commit_callbacks, topic=None)
    titles = [link.post.title for link in first.related_post_links.all()]
    shown = related(client, HUNDRED_DAYS)
    assert shown.index(titles[0]) < shown.index(titles[1])
    first = BlogPage.objects.get(pk=first.pk)
    first.related_post_links = [BlogPageRelatedPost(post_id=link.post_id, sort_order=1 - link.sort_order)
                                for link in first.related_post_links.all()]
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    shown = related(client, HUNDRED_DAYS)
    assert shown.index(titles[1]) < shown.index(titles[0])
