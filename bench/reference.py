"""The reference site for the side-by-side page benchmark: Wagtail's bakerydemo, installed on demand.

``bakerydemo()`` returns how to start a render worker (``bench/render_worker.py``) inside a real
bakerydemo with its own demo data, setting it up the first time:

1. Source: ``BENCH_BAKERYDEMO_SRC`` if set, else ``.bench-bakery/src`` (git-ignored); when that is
   missing, ``git clone https://github.com/wagtail/bakerydemo`` into it.
2. A virtualenv ``.bench-bakery/venv`` with ``bench/requirements-bakerydemo.txt`` (Wagtail 7.4; Django
   5.2, because bakerydemo's Django 6.0 needs Python 3.12 and this machine has 3.11).
3. Settings ``bakerydemo/settings/nnirr_bench.py`` written next to bakerydemo's own: its base settings
   with ``DEBUG = False`` (so Django's cached template loader is on, as in production, and as ours is
   in the bench), a local-memory cache and plain static storage. Its search backend stays Wagtail's
   database backend, which on PostgreSQL is full-text search, like ours.
4. A PostgreSQL database ``bench_bakery`` on the same server as ours, migrated, with
   ``load_initial_data`` (bakerydemo's fixture: 12 breads, 6 blog posts, locations, recipes) and its
   Site answering for ``localhost``.

When any step fails (offline, no PyPI), ``bakerydemo()`` returns None with the reason, and the page
benchmark falls back to ``FALLBACK``: bakerydemo's figures recorded on a quiet run, scaled by how fast
this machine renders our plain standard page (``/privacy/``) now compared with that run. That keeps a
ratio meaningful under load, but it is an estimate, and the report says so.
"""

import os
import subprocess
import sys

from bench.server import ROOT, connect, database_urls

HOME = ROOT / ".bench-bakery"
REQUIREMENTS = ROOT / "bench" / "requirements-bakerydemo.txt"
DB_NAME = "bench_bakery"
SETTINGS = """from .base import *  # noqa: F401,F403

# Written by NNIRR's bench/reference.py: production-like rendering for a fair comparison.
DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "bench-only-not-secret"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "ERROR"}}
"""

# bakerydemo's page for each of our page kinds: the closest in role and weight.
PAGES = {
    "home": "/",
    "listing": "/breads/",
    "blog index": "/blog/",
    "blog post": "/blog/wild-yeast/",
    "detail": "/breads/anadama-bread/",
    "search": "/search/?q=bread",
}

# Quiet-machine figures for the fallback (median ms, queries), measured 2026-11-26 with this module,
# and our /privacy/ page measured in the same run: the scale for a run without bakerydemo.
FALLBACK = {
    "date": "2026-11-26",
    "calibration_ms": 5.7,
    "pages": {
        "home": (58.0, 43),
        "listing": (46.8, 48),
        "blog index": (41.2, 40),
        "blog post": (25.3, 22),
        "detail": (26.0, 19),
        "search": (52.4, 41),
    },
}
CALIBRATION_PATH = "/privacy/"


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def bakerydemo():
    """``(command, cwd, env)`` for a render worker in bakerydemo, or ``(None, reason)`` when it cannot be set up."""
    src = os.environ.get("BENCH_BAKERYDEMO_SRC") or str(HOME / "src")
    venv = HOME / "venv"
    python = venv / "bin" / "python"
    try:
        if not os.path.exists(os.path.join(src, "manage.py")):
            print(f"Reference: cloning bakerydemo into {src} ...", flush=True)
            run(["git", "clone", "--depth", "1", "https://github.com/wagtail/bakerydemo", src])
        marker = venv / ".installed"
        if not marker.exists() or marker.read_text() != REQUIREMENTS.read_text():
            print("Reference: installing bakerydemo's requirements into .bench-bakery/venv ...", flush=True)
            if not python.exists():
                run([sys.executable, "-m", "venv", str(venv)])
            run([str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)])
            marker.write_text(REQUIREMENTS.read_text())
        with open(os.path.join(src, "bakerydemo", "settings", "nnirr_bench.py"), "w") as settings_file:
            settings_file.write(SETTINGS)
        url, _bench, admin = database_urls(DB_NAME)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.nnirr_bench",
            "DATABASE_URL": url,
        }
        ensure_database(admin, python, src, env)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or ""
        return None, f"{error} {detail.strip()[-300:]}"
    return ([str(python), str(ROOT / "bench" / "render_worker.py")], src, env), None


def ensure_database(admin, python, src, env):
    """Create, migrate and fill ``bench_bakery`` unless it already holds bakerydemo's pages."""
    conn = connect(admin)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME])
        exists = cursor.fetchone() is not None
    loaded = False
    if exists:
        check = subprocess.run(
            [str(python), "manage.py", "shell", "-v0", "-c",
             "from bakerydemo.breads.models import BreadPage; print('LOADED' if BreadPage.objects.exists() else '')"],
            cwd=src, env=env, capture_output=True, text=True,
        )
        loaded = "LOADED" in check.stdout
    if loaded:
        return
    print(f"Reference: creating database {DB_NAME} with bakerydemo's demo data ...", flush=True)
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {DB_NAME}")
    conn.close()
    run([str(python), "manage.py", "migrate", "--noinput", "-v0"], cwd=src, env=env)
    run([str(python), "manage.py", "load_initial_data"], cwd=src, env=env)
    run([str(python), "manage.py", "shell", "-v0", "-c",
         "from wagtail.models import Site; Site.objects.filter(is_default_site=True).update(hostname='localhost', port=80)"],
        cwd=src, env=env)

