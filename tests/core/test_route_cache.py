"""Route cache: pages are found without routing queries, and every change to the page tree shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from nnirr_site.core.models import StandardPage
from tests.campaigns.petition_helpers import make_petition
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db


def routing_queries(client, path):
    """The response for ``path`` and the queries it made on the site, page and restriction tables."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    tables = ("wagtailcore_site", "wagtailcore_page", "wagtailcore_pageviewrestriction", "wagtailcore_locale")
    queries = [q["sql"] for q in captured.captured_queries if any(f'FROM "{t}"' in q["sql"] for t in tables)]
    return response, queries


@needs("route_cache")
def test_a_page_seen_once_is_routed_without_queries(client):
    first, first_queries = routing_queries(client, "/about/")
    second, second_queries = routing_queries(client, "/about/")
    assert first.status_code == second.status_code == 200
    assert first_queries, "the first visit routes through the database"
    assert not any("wagtailcore_site" in sql or 'WHERE "wagtailcore_page"."url_path"' in sql for sql in second_queries)
    assert any('WHERE "wagtailcore_page"."url_path"' in sql for sql in first_queries)
    assert not any("pageviewrestriction" in sql for sql in second_queries)
    assert second.content.decode().count("<h1>") == 1


def test_english_and_spanish_pages_are_kept_apart(client):
    english = client.get("/about/").content.decode()
    spanish = client.get("/es/").content.decode()
    assert client.get("/about/").content.decode() == english
    assert 'lang="es"' in spanish and client.get("/").content.decode() != spanish


def test_sub_routes_of_a_remembered_page_are_resolved(client):
    petition = make_petition()
    assert client.get(petition.url).status_code == 200
    assert client.get(petition.url + "thanks/").status_code == 200
    assert client.get(petition.url + "no-such-route/").status_code == 404


def test_unpublished_page_is_gone_at_once(client, django_capture_on_commit_callbacks):
    assert client.get("/contact/").status_code == 200
    contact = StandardPage.objects.get(slug="contact", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        contact.unpublish()
    assert client.get("/contact/").status_code == 404


def test_new_slug_is_served_and_old_one_is_not(client, django_capture_on_commit_callbacks):
    assert client.get("/about/").status_code == 200
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.slug = "who-we-are"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert client.get("/who-we-are/").status_code == 200
    old = client.get("/about/")  # not the remembered page: Wagtail's automatic redirect to the new address
    assert old.status_code == 301 and old["Location"] == "/who-we-are/"


def test_a_new_view_restriction_applies_at_once(client, django_capture_on_commit_callbacks):
    assert client.get("/about/").status_code == 200
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    response = client.get("/about/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def _post(slug="sign-the-refugee-admissions-petition"):
    from blog.models import BlogPage

    return BlogPage.objects.live().get(slug=slug, locale__language_code="en")


@needs("route_cache")
def test_a_page_is_not_routed_again_after_another_page_is_published(client, django_capture_on_commit_callbacks):
    path = "/news/sign-the-refugee-admissions-petition/"
    before = client.get(path).content
    with django_capture_on_commit_callbacks(execute=True):
        _post("our-new-website").save_revision().publish()  # another page: a new page generation
    with CaptureQueriesContext(connection) as ctx:
        after = client.get(path).content
    assert after == before
    assert not any('"url_path" =' in query["sql"] for query in ctx.captured_queries)  # carried, not routed


def test_a_carried_route_gives_way_to_the_pages_own_publish(client, django_capture_on_commit_callbacks):
    path = "/news/sign-the-refugee-admissions-petition/"
    client.get(path)
    post = _post()
    post.title = "Published again with a new title"
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert "Published again with a new title" in client.get(path).content.decode()


@needs("route_cache")
def test_after_its_own_publish_a_page_is_read_again_by_id_not_routed(client, django_capture_on_commit_callbacks):
    path = "/news/sign-the-refugee-admissions-petition/"
    client.get(path)
    post = _post()
    post.title = "Read again by its id"
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert "Read again by its id" in response.content.decode()
    assert not any('"url_path" =' in query["sql"] for query in ctx.captured_queries)  # not routed from home
    own = [q["sql"] for q in ctx.captured_queries if 'FROM "blog_blogpage"' in q["sql"] and "wagtailimages_image" in q["sql"]]
    assert own, "the post and its images in one query"


def test_a_carried_route_gives_way_to_a_parents_new_slug(client, django_capture_on_commit_callbacks):
    from nnirr_site.core.models import StandardPage
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="en").specific
    with django_capture_on_commit_callbacks(execute=True):
        parent = home.add_child(instance=StandardPage(title="Guides", slug="guides"))
        parent.save_revision().publish()
        child = parent.add_child(instance=StandardPage(title="Know your rights", slug="kyr"))
        child.save_revision().publish()
    assert client.get("/guides/kyr/").status_code == 200
    parent.slug = "rights-guides"
    with django_capture_on_commit_callbacks(execute=True):
        parent.save_revision().publish()
    old = client.get("/guides/kyr/")  # not the kept page: Wagtail's automatic redirect, or nothing
    assert old.status_code == 404 or (old.status_code == 301 and old["Location"] == "/rights-guides/kyr/")
    assert client.get("/rights-guides/kyr/").status_code == 200


def test_a_carried_page_reads_its_images_afresh(django_capture_on_commit_callbacks):
    import pickle

    from nnirr_site.core import route_cache

    post = _post()
    route_cache.with_images(post)
    image = post.listing_image
    assert image is not None
    blob = pickle.dumps(post)
    image.title = "Retitled after the page was kept"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()  # starts the kinds' epoch (layout_cache.previous_epoch_is_current)
    carried = pickle.loads(route_cache.still_current(blob))
    assert carried.listing_image.title == "Retitled after the page was kept"
    post.save_revision().publish()  # its own publish: not carried
    assert route_cache.still_current(blob) is None


@needs("route_cache")
def test_a_page_carried_over_another_pages_publish_keeps_its_images_without_a_query(
        client, django_capture_on_commit_callbacks):
    path = "/programs/hurricane/"
    client.get(path)
    other = _post()
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200 and 'class="page-hero-image"' in response.content.decode()
    assert not any("wagtailimages_image" in query["sql"] for query in ctx.captured_queries)


def test_a_page_read_with_its_images_by_the_compiled_query_equals_the_orms():
    """``route_cache.read_with_images`` (the query compiled once per model) gives the ORM's page: every
    field, and each image it points to already attached (no query to show it)."""
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from nnirr_site.core.route_cache import _image_fields, read_with_images

    pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
    assert len({type(page) for page in pages}) >= 6
    for page in pages:
        model = type(page)
        expected = model._default_manager.select_related(*_image_fields(model)).get(pk=page.pk)
        got = read_with_images(model, page.pk)
        assert type(got) is model
        for field in model._meta.concrete_fields:
            assert getattr(got, field.attname) == getattr(expected, field.attname), (page.url_path, field.name)
        with CaptureQueriesContext(connection) as ctx:
            for name in _image_fields(model):
                image = getattr(got, name)
                assert image == getattr(expected, name)
                assert image is None or isinstance(image, get_image_model()) and image.file.name
        assert len(ctx) == 0, page.url_path
    assert read_with_images(type(pages[0]), 10 ** 9) is None
