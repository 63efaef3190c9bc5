"""Benchmark settings: the loopback settings (production on plain HTTP, see ``loopback.py``) for ``make bench``.

gunicorn serves the site on 127.0.0.1 against the bench's own database. Beyond loopback: a fixed
bench secret, the minimum form fill time at 0 (simulated supporters post at once), emails in the
directory the benchmark reads, and a bare "hello" view to compare pages against.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-fixed-secret-key-used-only-on-loopback-for-make-bench-0123456789")
from .loopback import *  # noqa: E402,F401,F403

SUPPORTER_MIN_FILL_SECONDS = 0
EMAIL_FILE_PATH = os.environ.get("BENCH_EMAIL_DIR", "/tmp/nnirr-bench-mail")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8765")
# The site's URLs plus a bare "hello" view the page benchmark compares against (bench/urls.py).
ROOT_URLCONF = "bench.urls"
