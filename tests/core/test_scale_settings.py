"""Settings for running at scale come from the environment and parse into what Django expects."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'caches': s.CACHES, 'storages': s.STORAGES, 'frontend': s.WAGTAILFRONTENDCACHE, "
    "'apps': s.INSTALLED_APPS, 'db': {k: s.DATABASES['default'][k] for k in ('HOST', 'NAME', 'USER')}, "
    "'page_cache': [s.PAGE_CACHE_SECONDS, s.PAGE_CACHE_CDN_SECONDS]}, default=str))"
)


def production_settings(**env):
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "REDIS", "FRONTEND", "CLOUDFLARE"))}
    base_env.update(
        DJANGO_SETTINGS_MODULE="nnirr_site.settings.production",
        SECRET_KEY="s" * 20 + "-a-long-production-secret-for-parsing-tests-only-0123456789",
        ALLOWED_HOSTS="nnirr.org",
        DATABASE_URL="postgres://site:secret@db.internal:5432/nnirr",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=BASE_DIR, env=base_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_single_server_defaults():
    parsed = production_settings()
    assert parsed["db"] == {"HOST": "db.internal", "NAME": "nnirr", "USER": "site"}
    assert parsed["caches"]["default"]["BACKEND"] == "nnirr_site.core.file_cache.FileCache"  # a FileBasedCache
    assert parsed["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert parsed["frontend"] == {}
    assert "wagtail.contrib.frontend_cache" not in parsed["apps"]
    assert parsed["page_cache"] == [600, 60]


def test_shared_cache_object_storage_and_cdn_purging():
    parsed = production_settings(
        REDIS_URL="redis://cache.internal:6379/1",
        AWS_STORAGE_BUCKET_NAME="nnirr-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_CUSTOM_DOMAIN="media.nnirr.org",
        FRONTEND_CACHE_URLS="http://proxy1.internal/purge,http://proxy2.internal/purge",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
        PAGE_CACHE_SECONDS="300",
        PAGE_CACHE_CDN_SECONDS="30",
    )
    assert parsed["caches"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/1",
        "KEY_PREFIX": "nnirr",
    }
    media = parsed["storages"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "nnirr-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert media["OPTIONS"]["custom_domain"] == "media.nnirr.org"
    assert parsed["storages"]["staticfiles"]["BACKEND"].endswith("CompressedManifestStaticFilesStorage")
    assert [v["LOCATION"] for k, v in parsed["frontend"].items() if k.startswith("proxy")] == [
        "http://proxy1.internal/purge",
        "http://proxy2.internal/purge",
    ]
    assert parsed["frontend"]["cloudflare"]["ZONEID"] == "zone"
    assert "wagtail.contrib.frontend_cache" in parsed["apps"]
    assert parsed["page_cache"] == [300, 30]


def test_s3_storage_backend_imports():
    result = subprocess.run(
        [sys.executable, "-c", "import storages.backends.s3, boto3"], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
