"""Links that leave the site name its public address (SITE_URL), never a default or the request's host.

Issue 12, finding 12: with ``make run PORT=8300`` confirmation links went to port 8000, and the
sitemap and share text said ``http://localhost/``. Development follows HOST and PORT; production
without an address fails ``manage.py check --deploy``; the Site record, the sitemap, the feeds, the
emails' base URL and the share links all follow the address.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from wagtail.models import Site

from tests.campaigns.petition_helpers import make_petition

BASE_DIR = Path(__file__).resolve().parents[2]
SITE = "https://nnirr.example.org"
OTHER_HOST = {"HTTP_HOST": "other.example"}
ATOM = "{http://www.w3.org/2005/Atom}"
ADDRESS_VARIABLES = ("SITE_URL", "WAGTAILADMIN_BASE_URL", "HOST", "PORT")


def settings_value(module, name="WAGTAILADMIN_BASE_URL", **env):
    """``name`` from the settings ``module`` imported with ``env`` (and no address variables otherwise)."""
    base_env = {k: v for k, v in os.environ.items() if k not in ADDRESS_VARIABLES}
    base_env.update(
        SECRET_KEY="x" * 20 + "a-strong-production-secret-for-testing-only-0123456789",
        ALLOWED_HOSTS="nnirr.example.org",
        DATABASE_URL="postgres://unused@localhost/unused",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print(s.{name})"],
        cwd=BASE_DIR, env=base_env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8300"}, "http://127.0.0.1:8300"),
        ({"HOST": "localhost", "PORT": "8300"}, "http://localhost:8300"),
        ({"HOST": "0.0.0.0", "PORT": "8080"}, "http://127.0.0.1:8080"),
        ({"HOST": "::1"}, "http://[::1]:8000"),
        ({"SITE_URL": "https://dev.example.org/", "PORT": "8300"}, "https://dev.example.org"),
    ],
)
def test_development_address_follows_host_and_port(env, expected):
    assert settings_value("nnirr_site.settings.dev", **env) == expected


def test_production_address_comes_from_site_url_or_its_older_name():
    production = "nnirr_site.settings.production"
    assert settings_value(production, SITE_URL=SITE + "/") == SITE
    assert settings_value(production, WAGTAILADMIN_BASE_URL=SITE) == SITE
    assert settings_value(production, SITE_URL=SITE, WAGTAILADMIN_BASE_URL="https://old.example.org") == SITE
    assert settings_value(production) == ""


def test_make_passes_host_and_port_to_what_it_starts():
    result = subprocess.run(
        ["make", "-s", "--eval", "print-address: ; @echo $$HOST $$PORT", "print-address", "PORT=8300"],
        cwd=BASE_DIR, env={k: v for k, v in os.environ.items() if k not in ADDRESS_VARIABLES},
        capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.split() == ["127.0.0.1", "8300"], result.stderr


def manage_check_deploy(**env):
    unset = ADDRESS_VARIABLES + ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")  # conftest.py sets the latter
    base_env = {k: v for k, v in os.environ.items() if k not in unset}
    base_env.update(
        DJANGO_SETTINGS_MODULE="nnirr_site.settings.production",
        SECRET_KEY="x" * 20 + "a-strong-production-secret-for-testing-only-0123456789",
        ALLOWED_HOSTS="nnirr.example.org",
        DATABASE_URL="postgres://unused@localhost/unused",
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=BASE_DIR, env=base_env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_fails_without_the_site_address():
    result = manage_check_deploy()
    assert result.returncode != 0
    assert "nnirr.E001" in result.stderr and "SITE_URL" in result.stderr


def test_check_deploy_passes_with_the_site_address():
    result = manage_check_deploy(SITE_URL=SITE)
    assert result.returncode == 0, result.stderr
    assert "nnirr." not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("address", "allowed_hosts", "ids"),
    [
        (SITE, ["nnirr.example.org"], []),
        (SITE, [".example.org"], []),
        ("", ["nnirr.example.org"], ["nnirr.E001"]),
        ("nnirr.example.org", ["nnirr.example.org"], ["nnirr.E002"]),
        (SITE + "/campaigns", ["nnirr.example.org"], ["nnirr.E002"]),
        ("ftp://nnirr.example.org", ["nnirr.example.org"], ["nnirr.E002"]),
        ("https://nnirr.example.org:port", ["nnirr.example.org"], ["nnirr.E002"]),
        (SITE, ["www.example.org"], ["nnirr.W001"]),
    ],
)
def test_deploy_checks_of_the_site_address(settings, address, allowed_hosts, ids):
    settings.WAGTAILADMIN_BASE_URL = address
    settings.ALLOWED_HOSTS = allowed_hosts
    assert [message.id for message in run_checks(tags=["nnirr"], include_deployment_checks=True)] == ids


def test_a_bad_address_stops_every_command_not_only_deploys(settings):
    settings.WAGTAILADMIN_BASE_URL = "nnirr.example.org"
    assert [message.id for message in run_checks(tags=["nnirr"])] == ["nnirr.E002"]
    settings.WAGTAILADMIN_BASE_URL = ""
    assert [message.id for message in run_checks(tags=["nnirr"])] == []  # development may leave it unset


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "hostname", "port"),
    [("http://127.0.0.1:8300", "127.0.0.1", 8300), (SITE, "nnirr.example.org", 443), ("http://a.example", "a.example", 80)],
)
def test_migrate_gives_the_site_record_the_site_address(settings, address, hostname, port):
    settings.WAGTAILADMIN_BASE_URL = address
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (hostname, port)
    assert site.root_page.full_url == address + "/"


@pytest.mark.django_db
def test_demo_content_gives_the_site_record_the_site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8300"
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8300)


@pytest.mark.django_db
def test_demo_admin_login_is_printed_at_the_site_address(settings, capsys):
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8300"
    call_command("ensure_demo_admin")
    assert "http://127.0.0.1:8300/admin/" in capsys.readouterr().out


@pytest.fixture
def site_elsewhere(settings):
    """The address differs from the Site record's (localhost:80) and from every request's host."""
    settings.WAGTAILADMIN_BASE_URL = SITE
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    return SITE


@pytest.mark.django_db
def test_sitemap_locations_are_on_the_site_address(client, site_elsewhere):
    response = client.get("/sitemap.xml", **OTHER_HOST)
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert SITE + "/about/" in locations
    assert SITE + "/es/quienes-somos/" in locations
    assert all(location.startswith(SITE + "/") for location in locations), locations


@pytest.mark.django_db
def test_feed_links_are_on_the_site_address(client, site_elsewhere):
    rss = client.get("/news/feed/rss/", **OTHER_HOST)
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("link") == SITE + "/news/"
    assert channel.find(f"{ATOM}link").get("href") == SITE + "/news/feed/rss/"
    assert channel.find("item").findtext("link") == SITE + "/news/international-migrants-day-2026-events/"
    assert "other.example" not in rss.content.decode()

    atom = ET.fromstring(client.get("/es/noticias/feed/atom/", **OTHER_HOST).content)
    hrefs = [link.get("href") for link in atom.iter(f"{ATOM}link")]
    assert SITE + "/es/noticias/feed/atom/" in hrefs and SITE + "/es/noticias/" in hrefs
    assert all(href.startswith(SITE + "/es/noticias/") for href in hrefs), hrefs


@pytest.mark.django_db
def test_share_links_are_on_the_site_address(client, site_elsewhere):
    petition = make_petition(share_text="Sign this.")
    page = client.get(petition.url + "thanks/", **OTHER_HOST).content.decode()
    share = page.split('<section class="petition-share"', 1)[1].split("</section>", 1)[0]
    link = SITE + petition.url
    assert f"Sign this. {link}</p>" in share
    assert f"body=Sign%20this.%20{quote(link)}" in share
    assert f"text=Sign%20this.%20{quote(link)}" in share
    assert "other.example" not in share and "localhost" not in share


@pytest.mark.django_db
def test_template_tag_gives_the_site_address_of_a_page_or_path(rf, site_elsewhere):
    from django.template import Context, Template

    petition = make_petition()
    template = Template("{% load site_url %}{% site_url page %} {% site_url '/es/' %} {% site_url 'https://x.org/a' %}")
    rendered = template.render(Context({"page": petition, "request": rf.get("/", **OTHER_HOST)}))
    assert rendered.split() == [SITE + petition.url, SITE + "/es/", "https://x.org/a"]
