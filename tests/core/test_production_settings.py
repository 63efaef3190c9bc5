"""Production settings refuse to start without a real secret; DATABASE_URL chooses the database."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
STRONG_SECRET = "x" * 20 + "a-strong-production-secret-for-testing-only-0123456789"


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def socket_database_url():
    db = settings.DATABASES["default"]
    host = db["HOST"].replace("/", "%2F")
    return f"postgres://{db['USER']}@{host}:{db['PORT']}/{db['NAME']}"


def test_production_refuses_missing_secret():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="nnirr_site.settings.production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_development_secret():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="nnirr_site.settings.production",
        SECRET_KEY="dev-only-secret-key-not-for-production-use-0123456789",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_starts_with_real_secret_and_database_url():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="nnirr_site.settings.production",
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=socket_database_url(),
    )
    assert result.returncode == 0, result.stderr


def test_database_url_is_used_when_set():
    url = socket_database_url().rsplit("/", 1)[0] + "/postgres"
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; cur = connection.cursor(); "
        "cur.execute('select current_database()'); print(cur.fetchone()[0])",
        DATABASE_URL=url,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "postgres"


def test_database_is_postgresql():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
