"""Settings for ``test_cross_process.py``: the test settings with the cache shared between processes as in
production (files in ``NNIRR_SHARED_CACHE_DIR``, Redis being the other choice) and the page cache on."""

import os

from nnirr_site.settings.test import *  # noqa: F401,F403
from nnirr_site.settings.test import CACHES

CACHES = {
    **CACHES,
    "default": {
        "BACKEND": "nnirr_site.core.file_cache.FileCache",
        "LOCATION": os.environ.get("NNIRR_SHARED_CACHE_DIR", "/nonexistent"),
        "OPTIONS": {"MAX_ENTRIES": 5000, "CULL_INTERVAL": 30, "CULL_EVERY": 200},
    },
}
PAGE_CACHE_SECONDS = 300
PETITION_PAGE_CACHE_SECONDS = 300  # the petition pages kept for every visitor, as in production
