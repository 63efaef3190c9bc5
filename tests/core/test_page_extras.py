"""What a detail page shows beside its body, kept per generation (nnirr_site/core/page_extras.py),
changes when what it shows does, and a preview never reads it."""

import pytest
from django.test import override_settings

from blog.models import BlogPage
from campaigns.models import ProgramPage

pytestmark = pytest.mark.django_db

POST = "/news/sign-the-refugee-admissions-petition/"


def live_post():
    return BlogPage.objects.live().get(url_path__endswith="/sign-the-refugee-admissions-petition/",
                                       locale__language_code="en")


def test_a_renamed_author_shows_on_the_post_at_once(client, django_capture_on_commit_callbacks):
    post = live_post()
    author = post.author_links.first().author
    assert author.name in client.get(POST).content.decode()
    author.name = "Someone Renamed Today"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()  # a snippet: no page is published
    assert "Someone Renamed Today" in client.get(POST).content.decode()


def test_a_new_post_on_the_topic_shows_among_the_related_posts(client, django_capture_on_commit_callbacks):
    post = live_post()
    client.get(POST)
    index = post.get_parent()
    newer = BlogPage(title="A related post published just now", slug="related-just-now", date=post.date,
                     topic=post.topic, locale=post.locale)
    with django_capture_on_commit_callbacks(execute=True):
        index.add_child(instance=newer)
        newer.save_revision().publish()
    assert "A related post published just now" in client.get(POST).content.decode()


def test_a_preview_shows_its_own_tags_not_the_kept_ones(client):
    client.get(POST)  # the live post's tags are kept
    post = live_post()
    post.tags.add("only-in-this-preview")  # in memory: a preview's unsaved form
    html = post.make_preview_request().content.decode()
    assert "only-in-this-preview" in html
    assert "only-in-this-preview" not in client.get(POST).content.decode()


@pytest.mark.parametrize("path", ["/programs/hurricane/", "/es/programas/hurricane/", POST])
def test_kept_extras_give_the_same_page(client, path):
    with override_settings(NNIRR_FAST_PATHS="off"):
        plain = client.get(path).content
    client.get(path)
    assert client.get(path).content == plain


def test_a_program_page_shows_a_campaign_published_after_it_was_kept(client, django_capture_on_commit_callbacks):
    program = ProgramPage.objects.live().get(slug="hurricane", locale__language_code="en")
    client.get("/programs/hurricane/")
    campaign = program.get_campaigns().first()
    campaign.title = "A campaign renamed just now"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    assert "A campaign renamed just now" in client.get("/programs/hurricane/").content.decode()


def test_the_blog_index_counts_a_tag_published_after_they_were_kept(client, django_capture_on_commit_callbacks):
    post = live_post()
    client.get("/news/?topic=nothing")  # the counts are kept, whatever the filter
    post.tags.add("tag-published-just-now")
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert "tag-published-just-now" in client.get("/news/").content.decode()
