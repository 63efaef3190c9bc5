"""Settings shared by every environment.

Secrets and hosts come from the environment. Without ``DATABASE_URL`` the
project runs its own embedded PostgreSQL server (see ``nnirr_site/embedded_postgres.py``).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "nnirr_site.core",
    "nnirr_site.accounts",
    "campaigns",
    "resources",
    "blog",
    "services",
    "supporter_actions",
    "campaigns.petitions",
    "campaigns.letters",
    "events",
    "email_list",
    # Before django_tasks_db: its db_worker command replaces the library's (nnirr_site/background).
    "nnirr_site.background",
    "django_tasks",
    "django_tasks_db",
    "django_countries",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nnirr_site.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Reads the cache generation once per request; answers Wagtail's page routing from memory.
    "nnirr_site.core.route_cache.RouteCacheMiddleware",
    # Before sessions and CSRF: answers anonymous visitors from the cache, and sees the CSRF cookie
    # that keeps pages with forms out of it (nnirr_site/core/page_cache.py).
    "nnirr_site.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "nnirr_site.accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees every login attempt (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nnirr_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "nnirr_site.wsgi.application"

# Database: DATABASE_URL if given, otherwise the embedded server.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    from nnirr_site.embedded_postgres import database_settings

    DATABASES = {"default": database_settings()}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff login: django-axes counts failures first, then the normal backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5  # per username at one address
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Ours, not django-axes's (nnirr_site/accounts/lockout.py): this many failures from one address, whatever
# the usernames, lock the address too, so guessing a few passwords for each of many accounts is stopped.
AXES_ADDRESS_FAILURE_LIMIT = 20
AXES_HANDLER = "nnirr_site.accounts.lockout.AddressLimitHandler"
AXES_LOCKOUT_CALLABLE = "nnirr_site.accounts.lockout.lockout_response"
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_CLIENT_IP_CALLABLE = "supporter_actions.abuse.client_ip"  # honours SUPPORTER_TRUSTED_PROXIES
AXES_VERBOSE = False

# Two-factor authentication (django-otp, nnirr_site/accounts): every staff account needs a verified
# TOTP device before any admin page. Only dev.py may switch this off for the demo login.
NNIRR_DEV_SKIP_2FA = False
OTP_TOTP_ISSUER = "NNIRR website"

# Whole pages for anonymous visitors: kept this long in the cache (cleared on every publish),
# and this long by a CDN or proxy in front (Cache-Control max-age). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", "60"))

# The site's hand-made fast paths (route, layout and page caches, shared petition pages, prebuilt headers,
# email markers): "all", "off" or a comma-separated list of names (nnirr_site/core/fast_paths.py).
NNIRR_FAST_PATHS = os.environ.get("NNIRR_FAST_PATHS", "all")

# Cache: shared by every process serving the site, so that a change clears it everywhere at once.
# Redis when REDIS_URL is set (several app servers); otherwise files on this host (one server).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    }
else:
    CACHES = {
        "default": {
            # Django's FileBasedCache, culling the folder every 30 s or 200 writes instead of on every write
            # (nnirr_site/core/file_cache.py).
            "BACKEND": "nnirr_site.core.file_cache.FileCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000, "CULL_INTERVAL": 30, "CULL_EVERY": 200},
        }
    }
# Two databases may share a cache server or folder (development and the benchmark, say).
CACHES["default"]["KEY_PREFIX"] = str(DATABASES["default"]["NAME"])
# Image renditions: Wagtail writes every rendition it reads back to this cache, so it lives in each
# process's memory. An entry can only go stale when an image's file is replaced; it expires soon after.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 10000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English at /, Spanish under /es/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

# Country lists (petitions, sign-on letters, events, services): the United States, then Mexico,
# then the rest in alphabetical order of the visitor's language; the names people use instead of
# the few formal ISO ones django-countries shows ("Naoero", "Bahamas (The)").
COUNTRIES_FIRST = ["US", "MX"]
COUNTRIES_OVERRIDE = {
    "US": gettext_lazy("United States"),
    "NR": gettext_lazy("Nauru"),
    "BS": gettext_lazy("Bahamas"),
    "FK": gettext_lazy("Falkland Islands"),
    "TT": gettext_lazy("Trinidad and Tobago"),
    "SZ": gettext_lazy("Eswatini"),
}

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected_static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP settings come from the environment; development prints to the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "National Network for Immigrant and Refugee Rights <info@nnirr.example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail.
WAGTAIL_SITE_NAME = "National Network for Immigrant and Refugee Rights"
# The site's public address, scheme://host[:port] with no path (https://nnirr.org), from SITE_URL
# (WAGTAILADMIN_BASE_URL, its older name, is read too). Every absolute link the site sends out (emails,
# feeds, the sitemap, share text) and the Wagtail Site record follow it (nnirr_site/core/site_url.py).
# Development follows HOST and PORT (dev.py); a deployment without it fails `manage.py check --deploy`.
WAGTAILADMIN_BASE_URL = (
    (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL", "")).strip().rstrip("/")
)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Postgres full text, stemmed per language with accents folded (nnirr_site/core/search_backend.py).
        "BACKEND": "nnirr_site.core.search_backend",
        "SEARCH_CONFIG": "nnirr_english",
        "LANGUAGE_CONFIGS": {"en": "nnirr_english", "es": "nnirr_spanish"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Only these open in the browser; every other document is downloaded (Content-Disposition: attachment).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Security headers on every response (SecurityMiddleware and nnirr_site/core/security.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
# Content Security Policy (django-csp 4): public pages allow nothing inline and nothing from
# other origins. The Wagtail admin (ADMIN_CONTENT_SECURITY_POLICY, under /admin/) still needs
# inline scripts and styles, so it gets a relaxed policy plus the strict one as report-only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"

# The privacy notice's current version; petition signatures record which one the signer agreed to.
PRIVACY_NOTICE_VERSION = "2026-11"

# Background tasks (django-tasks). Wagtail's own tasks (reference index, search index) use
# "default" and run at once, as before; petition emails use the database backend "petitions",
# whose worker is `manage.py db_worker --backend petitions` (started by `make run`).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "petitions": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# The worker (nnirr_site/background): it writes a heartbeat this often; a RUNNING task whose worker has
# not beaten for TASK_WORKER_STALE_SECONDS, or that has run for TASK_LEASE_SECONDS, is queued again.
# While the database is away it retries with back-off up to TASK_WORKER_MAX_BACKOFF_SECONDS, and keeps
# trying to record a finished task's result for TASK_DB_RETRY_SECONDS.
TASK_WORKER_HEARTBEAT_SECONDS = float(os.environ.get("TASK_WORKER_HEARTBEAT_SECONDS", "5"))
TASK_WORKER_STALE_SECONDS = float(os.environ.get("TASK_WORKER_STALE_SECONDS", "30"))
TASK_LEASE_SECONDS = float(os.environ.get("TASK_LEASE_SECONDS", "900"))
TASK_WORKER_MAX_BACKOFF_SECONDS = float(os.environ.get("TASK_WORKER_MAX_BACKOFF_SECONDS", "15"))
TASK_DB_RETRY_SECONDS = float(os.environ.get("TASK_DB_RETRY_SECONDS", "300"))
# /health/worker/ and manage.py health fail when a due task has waited longer than this.
HEALTH_MAX_QUEUE_WAIT_SECONDS = float(os.environ.get("HEALTH_MAX_QUEUE_WAIT_SECONDS", "300"))


def supporter_env(name, default):
    """``SUPPORTER_<name>`` from the environment, or its earlier ``PETITION_<name>`` (deployments made before the core)."""
    return os.environ.get(f"SUPPORTER_{name}", os.environ.get(f"PETITION_{name}", default))


# Supporter actions (supporter_actions/): one set of rules for every public form (petitions, sign-on
# letters, the email list, event submissions). How many days a confirmation link works:
SUPPORTER_TOKEN_DAYS = int(supporter_env("TOKEN_DAYS", "14"))
# Abuse checks (supporter_actions.abuse): minimum seconds to fill a form; submissions per address per window.
SUPPORTER_MIN_FILL_SECONDS = float(supporter_env("MIN_FILL_SECONDS", "3"))
SUPPORTER_RATE_LIMIT = int(supporter_env("RATE_LIMIT", "5"))
SUPPORTER_RATE_LIMIT_WINDOW = int(supporter_env("RATE_LIMIT_WINDOW", "300"))  # seconds
SUPPORTER_IP_HASH_KEY = supporter_env("IP_HASH_KEY", "")  # empty: derived from SECRET_KEY
SUPPORTER_TRUSTED_PROXIES = int(supporter_env("TRUSTED_PROXIES", "0"))  # proxies setting X-Forwarded-For
# A form's stamp is good for one submission within this many seconds (default two days).
SUPPORTER_FORM_STAMP_MAX_AGE = int(supporter_env("FORM_STAMP_MAX_AGE", str(2 * 24 * 3600)))
# Supporter emails (nnirr_site/background/delivery.py): a temporary failure (a 4xx reply, a refused
# connection) is retried after this many seconds, doubling with each failure up to an hour, at most this many times.
SUPPORTER_EMAIL_RETRY_SECONDS = float(supporter_env("EMAIL_RETRY_SECONDS", "60"))
SUPPORTER_EMAIL_MAX_ATTEMPTS = int(supporter_env("EMAIL_MAX_ATTEMPTS", "48"))
# Retention (supporter_actions.retention, manage.py purge_supporter_data): days after an action closes
# before its supporters' personal data is anonymised.
SUPPORTER_RETENTION_DAYS = int(supporter_env("RETENTION_DAYS", "180"))

# Petitions (campaigns/petitions): how long the rendered petition page is shared between visitors (its
# count may lag that long); 0: off.
PETITION_PAGE_CACHE_SECONDS = int(os.environ.get("PETITION_PAGE_CACHE_SECONDS", "5"))
PETITION_PRIVACY_PAGE_SLUG = "privacy"  # the English privacy notice under home; its translations are found from it
# Sign-on letters (campaigns/letters): an organization's logo upload, at most this many bytes and pixels.
LETTER_LOGO_MAX_BYTES = int(os.environ.get("LETTER_LOGO_MAX_BYTES", str(2 * 1024 * 1024)))
LETTER_LOGO_MAX_PIXELS = int(os.environ.get("LETTER_LOGO_MAX_PIXELS", str(4000 * 4000)))
# The email list (email_list/): a digest is sent by runs of the worker task send_digest, each reserving
# EMAIL_LIST_BATCH_SIZE recipients at a time over one SMTP connection and stopping after EMAIL_LIST_RUN_SECONDS
# (it queues its successor); EMAIL_LIST_SEND_TASKS runs in parallel. A reservation older than
# EMAIL_LIST_RESERVATION_SECONDS is taken back. The postal address in email footers when the site settings have none.
EMAIL_LIST_BATCH_SIZE = int(os.environ.get("EMAIL_LIST_BATCH_SIZE", "100"))
EMAIL_LIST_RUN_SECONDS = float(os.environ.get("EMAIL_LIST_RUN_SECONDS", "60"))
EMAIL_LIST_SEND_TASKS = int(os.environ.get("EMAIL_LIST_SEND_TASKS", "1"))
EMAIL_LIST_RESERVATION_SECONDS = float(os.environ.get("EMAIL_LIST_RESERVATION_SECONDS", "900"))
EMAIL_LIST_POSTAL_ADDRESS = os.environ.get(
    "EMAIL_LIST_POSTAL_ADDRESS", "National Network for Immigrant and Refugee Rights, Oakland, California, USA"
)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
