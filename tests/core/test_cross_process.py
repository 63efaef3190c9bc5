"""What one process publishes shows at once in another: every process-local fast path across processes.

A live site runs several processes (gunicorn workers, the admin's among them). Each keeps pages and
pieces of pages in its own memory (the route cache's pickled pages, the layout cache's local entries,
the site's root paths, the ancestors, the cards) and knows they are stale only from the generations in
the cache all processes share (``nnirr_site/core/layout_cache.py``). The other tests change content
and view it in one process, where a forgotten generation would still be caught by that process's own
signal receivers. Here a second process, a *visitor*, serves the pages (shared file cache, page cache
on, as in production), this test's process publishes as an editor's would, and the visitor must show
each change on its next request.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, Site

from blog.models import BlogPage
from campaigns.petitions.models import PetitionPage, open_petitions_filter
from campaigns.models import ProgramPage
from nnirr_site.core.models import SiteSettings, StandardPage
from resources.models import ResourcePage
from tests.core import cross_process_settings

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = "/programs/hurricane/"
POST = "/news/sign-the-refugee-admissions-petition/"

VISITOR = """
import json, sys
import django
django.setup()
from django.db import connection
from django.utils import timezone
from django.test import Client
from django.test.utils import CaptureQueriesContext
for line in sys.stdin:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(json.loads(line))
    print(json.dumps({"status": response.status_code, "html": response.content.decode(),
                      "location": response.get("Location"), "queries": len(queries)}), flush=True)
"""


class Visitor:
    """Another process serving the site, asked for one page at a time."""

    def __init__(self, cache_dir):
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.core.cross_process_settings",
            "NNIRR_SHARED_CACHE_DIR": str(cache_dir),
            "DATABASE_URL": "postgres://{}{}@{}:{}/{}".format(
                quote(db["USER"] or "", safe=""), f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else "",
                quote(db["HOST"] or "localhost", safe=""), db["PORT"] or 5432, quote(db["NAME"], safe="")),
        }
        self.process = subprocess.Popen([sys.executable, "-c", VISITOR], cwd=ROOT, env=env, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def get(self, path, status=200, answer=None):
        self.process.stdin.write(json.dumps(path) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the visitor process ended (exit {self.process.poll()})"
        got = json.loads(line)
        assert got["status"] == status, (path, got["status"])
        if answer is not None:
            answer.update(got)
        return got["html"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def visitor(demo_site, settings, tmp_path):
    settings.CACHES = cross_process_settings.CACHES | {
        "default": {**cross_process_settings.CACHES["default"], "LOCATION": str(tmp_path)}}
    settings.PAGE_CACHE_SECONDS = cross_process_settings.PAGE_CACHE_SECONDS
    settings.PETITION_PAGE_CACHE_SECONDS = cross_process_settings.PETITION_PAGE_CACHE_SECONDS
    process = Visitor(tmp_path)
    yield process
    process.close()


def publish(page, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def nav(html):
    return html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]


def warm(visitor, *paths):
    """Each page served twice: every cache of the visitor holds it (the second time without a query)."""
    for path in paths:
        visitor.get(path)
        second = {}
        visitor.get(path, answer=second)
        assert second["queries"] == 0, (path, second["queries"])


def test_publishes_in_place_elsewhere_show_at_once(visitor):
    """A title or heading published in place, and site settings saved, in the editor's process."""
    post = english(BlogPage, "sign-the-refugee-admissions-petition")
    others = BlogPage.objects.live().filter(locale=post.locale).exclude(pk=post.pk)
    neighbor = next(other for other in others if post in other.get_related_posts())
    warm(visitor, PROGRAM, "/programs/", "/", POST, "/news/", neighbor.url)
    publish(english(ProgramPage, "hurricane"), title="Hurricane, renamed in another process")
    assert "Hurricane, renamed in another process" in visitor.get(PROGRAM)
    assert "Hurricane, renamed in another process" in visitor.get("/programs/")
    assert "Hurricane, renamed in another process" in visitor.get("/").split('id="home-programs"', 1)[1]

    publish(english(StandardPage, "donate"), title="Give today")  # in the main menu
    assert ">Give today</a>" in nav(visitor.get("/"))
    assert ">Give today</a>" in nav(visitor.get(POST))

    publish(post, title="A title published in another process")
    assert "A title published in another process" in visitor.get("/news/")
    assert "A title published in another process" in visitor.get(neighbor.url)  # its related posts
    assert "A title published in another process" in visitor.get(POST)

    home = Page.objects.get(depth=2, locale__language_code="en").specific
    publish(home, hero_heading="Home, published in another process")
    assert "Home, published in another process" in visitor.get("/")
    assert 'href="/programs/"' in nav(visitor.get(PROGRAM))  # its children's addresses unchanged

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "hello@example.org"
    site_settings.save()
    assert "mailto:hello@example.org" in visitor.get("/")
    assert "mailto:hello@example.org" in visitor.get(PROGRAM)


def test_new_addresses_elsewhere_show_at_once(visitor):
    """A page's slug, and its translation's, changed in the editor's process."""
    warm(visitor, PROGRAM, "/programs/")
    publish(ProgramPage.objects.get(url_path="/inicio/programas/hurricane/"), slug="huracan")
    html = visitor.get(PROGRAM)
    assert 'href="/es/programas/huracan/"' in html and "/es/programas/hurricane/" not in html

    program = english(ProgramPage, "hurricane")
    publish(program, slug="hurricane-moved")
    redirect = {}
    visitor.get(PROGRAM, status=301, answer=redirect)  # Wagtail's redirect from the old address
    assert redirect["location"].endswith("/programs/hurricane-moved/")
    assert f"<h1>{program.title}</h1>" in visitor.get("/programs/hurricane-moved/")
    listing = visitor.get("/programs/")
    assert 'href="/programs/hurricane-moved/"' in listing and 'href="/programs/hurricane/"' not in listing


def test_a_page_unpublished_elsewhere_leaves_at_once(visitor):
    resource = english(ResourcePage, "guilty-by-immigration-status")
    address = resource.url
    link = f'href="{address}"'
    warm(visitor, PROGRAM, "/resources/", address)
    assert link in visitor.get(PROGRAM) and link in visitor.get("/resources/")
    resource.unpublish()
    assert link not in visitor.get(PROGRAM)
    assert link not in visitor.get("/resources/")
    visitor.get(address, status=404)


def test_a_petition_renamed_elsewhere_shows_on_its_shared_form_page_with_each_visitors_own_token(visitor):
    petition = PetitionPage.objects.live().filter(open_petitions_filter(timezone.now()), locale__language_code="en").first()
    warm(visitor, petition.url)
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', visitor.get(petition.url)).group(1)
              for _ in range(2)]
    assert tokens[0] != tokens[1]  # the kept page, each visitor's own token
    publish(petition, title="A petition renamed in another process")
    assert "A petition renamed in another process" in visitor.get(petition.url)
