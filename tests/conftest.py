"""Shared fixtures: the demo site built once per test session, and Chromium for browser tests."""

import os
import shutil

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# tests around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After the test database is created, load the demo content once for every test to share."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))


@pytest.fixture
def demo_site(transactional_db):
    """The demo content for transactional tests (a flush by an earlier one may have removed it)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth != 2 or not site.root_page.get_children().exists():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))
        site = Site.objects.get(is_default_site=True)
    return site


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium (a Playwright browser download is not possible here)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: run 'make test' (it installs it) or apt-get install chromium.")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="test-super", email="super@example.org", password="a-long-test-password-1"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
