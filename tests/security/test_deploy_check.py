"""The production settings pass Django's deployment checks with only the documented environment."""

import os
import subprocess
import sys
from pathlib import Path

from tests.core.test_production_settings import STRONG_SECRET, socket_database_url

BASE_DIR = Path(__file__).resolve().parents[2]


def test_check_deploy_passes_with_documented_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_", "SECRET_KEY"))}
    env.update(
        DJANGO_SETTINGS_MODULE="nnirr_site.settings.production",
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="nnirr.example.org",
        CSRF_TRUSTED_ORIGINS="https://nnirr.example.org",
        SITE_URL="https://nnirr.example.org",
        DATABASE_URL=socket_database_url(),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_when_hsts_is_switched_off():
    """The check is real: turning a protection off makes it fail."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_", "SECRET_KEY"))}
    env.update(
        DJANGO_SETTINGS_MODULE="nnirr_site.settings.production",
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="nnirr.example.org",
        DATABASE_URL=socket_database_url(),
        SECURE_HSTS_SECONDS="0",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr
