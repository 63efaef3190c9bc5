"""The petition page kept for every visitor: each gets their own CSRF token and form time, and signing works."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from campaigns.petitions.models import PetitionPage, Signature
from tests.campaigns.petition_helpers import confirm_links, form_data, make_petition, path_of, run_queued_tasks
from tests.fast_path_marks import needs

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_INPUT = re.compile(r'name="started" value="([^"]+)"')


@pytest.fixture(autouse=True)
def shared_pages_on(settings):
    settings.PETITION_PAGE_CACHE_SECONDS = 60
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = "https://nnirr.example.org"


@pytest.fixture
def petition():
    return make_petition(title="Shared page petition")


def visit(petition):
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(petition.url)
    html = page.content.decode()
    return visitor, page, CSRF_INPUT.search(html).group(1), STARTED_INPUT.search(html).group(1)


def test_each_visitor_gets_own_token_and_time_and_can_sign(petition):
    first, first_page, first_csrf, first_started = visit(petition)
    second, second_page, second_csrf, second_started = visit(petition)
    assert first_csrf != second_csrf
    assert first_started != second_started
    assert "csrftoken" in first_page.cookies and "csrftoken" in second_page.cookies
    assert "slot" not in first_page.content.decode()
    for visitor, csrf, started, email in (
        (first, first_csrf, first_started, "first@example.org"),
        (second, second_csrf, second_started, "second@example.org"),
    ):
        response = visitor.post(
            petition.url, {**form_data(email=email), "csrfmiddlewaretoken": csrf, "started": started}
        )
        assert response.status_code == 303
    emails = set(Signature.objects.filter(petition=petition).values_list("email", flat=True))
    assert emails == {"first@example.org", "second@example.org"}


def test_a_token_from_the_kept_page_is_refused_without_its_cookie(petition):
    _visitor, _page, csrf, started = visit(petition)
    stranger = Client(enforce_csrf_checks=True)
    response = stranger.post(petition.url, {**form_data(), "csrfmiddlewaretoken": csrf, "started": started})
    assert response.status_code == 403
    assert not Signature.objects.filter(petition=petition).exists()


@needs("petition_pages")
def test_later_visitors_are_served_without_rendering_or_queries(petition):
    visit(petition)
    with CaptureQueriesContext(connection) as captured:
        _visitor, page, _csrf, _started = visit(petition)
    assert page.status_code == 200
    assert not [q["sql"] for q in captured.captured_queries if "petitions_" in q["sql"]]


def test_visitors_with_a_session_get_a_fresh_page(petition, superuser):
    visit(petition)
    editor = Client()
    editor.force_login(superuser)
    with CaptureQueriesContext(connection) as captured:
        page = editor.get(petition.url)
    assert page.status_code == 200
    assert any("petitions_tallyshard" in q["sql"] for q in captured.captured_queries)


def test_publishing_a_change_shows_at_once(petition, django_capture_on_commit_callbacks):
    visit(petition)
    petition.addressee = "The New Addressee"
    with django_capture_on_commit_callbacks(execute=True):
        petition.save_revision().publish()
    _visitor, page, _csrf, _started = visit(petition)
    assert "The New Addressee" in page.content.decode()


def test_english_and_spanish_pages_are_kept_apart():
    english = PetitionPage.objects.filter(locale__language_code="en", translation_key__in=PetitionPage.objects.filter(
        locale__language_code="es").values("translation_key")).first()
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    first, _page, _csrf, _started = visit(english)
    _visitor, spanish_page, _csrf, _started = visit(spanish)
    assert '<html lang="es"' in spanish_page.content.decode()
    assert spanish.title in spanish_page.content.decode()
    assert '<html lang="en"' in first.get(english.url).content.decode()


def test_confirmed_page_is_shared_and_names_nobody(petition):
    links = []
    for email in ("uno@example.org", "dos@example.org"):
        visitor, _page, csrf, started = visit(petition)
        visitor.post(petition.url, {**form_data(email=email, first_name="Zed"), "csrfmiddlewaretoken": csrf,
                                    "started": started})
        run_queued_tasks()
        links.append((visitor, path_of(confirm_links(to=email)[0])))
    pages = []
    for visitor, path in links:
        confirm = visitor.get(path)
        csrf = CSRF_INPUT.search(confirm.content.decode()).group(1)
        pages.append(visitor.post(path, {"csrfmiddlewaretoken": csrf}))
    assert [page.status_code for page in pages] == [200, 200]
    assert pages[0].content == pages[1].content
    html = pages[1].content.decode()
    assert "Zed" not in html and "uno@example.org" not in html and "dos@example.org" not in html
    assert Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count() == 2


class Renders:
    """Counts the renders of the shared petition pages."""

    def __init__(self, monkeypatch):
        from campaigns.petitions import views

        self.count = 0
        render = views.render_to_string

        def counting(*args, **kwargs):
            self.count += 1
            return render(*args, **kwargs)

        monkeypatch.setattr(views, "render_to_string", counting)


def form_page_key(petition):
    from django.test import RequestFactory

    from campaigns.petitions.views import shared_page_key

    return shared_page_key(RequestFactory().get(petition.url), petition, "form")


def later(monkeypatch, seconds):
    """The shared pages' clock moved ``seconds`` on."""
    from campaigns.petitions import views

    now = views.time.time()
    monkeypatch.setattr(views.time, "time", lambda: now + seconds)


@needs("petition_pages")
def test_a_due_page_is_rendered_by_one_request_while_the_others_get_the_kept_one(petition, monkeypatch):
    from django.core.cache import cache

    renders = Renders(monkeypatch)
    visit(petition)
    assert renders.count == 1
    later(monkeypatch, 61)  # past PETITION_PAGE_CACHE_SECONDS (60): due
    assert cache.add(form_page_key(petition) + ":renewing", 1, 10)  # another request is renewing it
    _visitor, page, _csrf, _started = visit(petition)
    assert page.status_code == 200 and "slot" not in page.content.decode()
    assert renders.count == 1  # the kept page, not a second render
    cache.delete(form_page_key(petition) + ":renewing")  # that request is done... or gave up
    visit(petition)
    assert renders.count == 2  # this one renews it
    assert cache.get(form_page_key(petition) + ":renewing") is None  # and lets the next renewal happen
    visit(petition)
    assert renders.count == 2  # fresh again for everyone

