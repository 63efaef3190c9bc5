"""Shared fixtures: the demo site built once per test session, and Chromium for browser tests."""

import io
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


# Fixtures that stop the embedded database server for everyone: a test using one runs alone.
SERVER_STOPPING_FIXTURES = {"database_outage"}


def pytest_collection_modifyitems(config, items):
    """Mark every test that stops the database server ``serial`` (``make test`` runs them after the parallel run)."""
    for item in items:
        if SERVER_STOPPING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.serial)


def _flushes_the_database(item):
    """A transactional test (``transaction=True``, ``live_server``) empties the database when it ends."""
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,)))
    return transactional or {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """In a parallel run, put the demo content back right after a transactional test's flush.

    Run alone, pytest-django orders transactional tests after the others, so the flushes come
    last; pytest-xdist hands each process tests in any order, so a test that expects the demo
    content may come after a flush.
    """
    result = yield
    if os.environ.get("PYTEST_XDIST_WORKER") and nextitem is not None and _flushes_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restore_demo_content()
    return result


# Every table's rows right after the demo content was loaded, as COPY text: a transactional test's
# flush empties the database, and putting these rows back takes well under a second where loading
# the demo content again took about 14 s a test.
DEMO_SNAPSHOT = {}


def snapshot_database():
    from django.db import connection

    tables = [table for table in connection.introspection.table_names() if table != "django_migrations"]
    DEMO_SNAPSHOT.clear()
    with connection.cursor() as cursor:
        for table in tables:
            rows = io.StringIO()
            cursor.copy_expert(f'COPY "{table}" TO STDOUT', rows)
            DEMO_SNAPSHOT[table] = rows.getvalue()


def restore_demo_content():
    """Put the demo content back after a flush: from the snapshot, or by loading it again if that fails."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection, transaction

    if DEMO_SNAPSHOT:
        try:
            # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: the tables load in any order and
            # are checked when the transaction commits.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in DEMO_SNAPSHOT))
                for table, rows in DEMO_SNAPSHOT.items():
                    cursor.copy_expert(f'COPY "{table}" FROM STDIN', io.StringIO(rows))
                for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(statement)
            return
        except Exception as exc:  # fall back to the slow, sure way
            print(f"Restoring the demo snapshot failed ({exc!r}); loading the demo content again.")
    call_command("load_demo_content", stdout=open(os.devnull, "w"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After the test database is created, load the demo content once for every test to share.

    pytest-django creates the test database only when a selected test is marked ``django_db`` (or
    uses ``db``); the fault tests use committed data without that mark, so a run of them alone
    (``pytest -m serial``) creates it here, never touching the development database.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    created_here = None
    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            created_here = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        call_command("load_demo_content", stdout=open(os.devnull, "w"))
        snapshot_database()
    yield
    if created_here is not None:
        with django_db_blocker.unblock():
            teardown_databases(created_here, verbosity=0)


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's default language.

    Django's LocaleMiddleware activates a request's language in the thread and
    leaves it there, so a test that fetched a Spanish page used to leave the next
    test on that worker searching with the Spanish stemmer.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test must not leave cached layout behind."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(transactional_db):
    """The demo content for transactional tests (a flush by an earlier one may have removed it)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth != 2 or not site.root_page.get_children().exists():
        restore_demo_content()
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
def otp_login(db):
    """``otp_login(client, user)``: sign ``user`` in on ``client`` past two-factor authentication.

    The admin requires a verified second factor (nnirr_site/accounts); this gives the user a
    real confirmed TOTP device and marks the session verified with it, as the verify page does.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(client, user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return login


@pytest.fixture
def admin_client(client, superuser, otp_login):
    """A client signed in as a superuser, second factor verified."""
    return otp_login(client, superuser)
