"""``needs("page_cache")``: skip a test of a fast path itself when the run has it off (``NNIRR_FAST_PATHS``).

The page and petition suites run whole with the fast paths off too (``NNIRR_FAST_PATHS=off pytest
tests/core tests/campaigns``); only the tests about a fast path's own behavior step aside then.
"""

import os

import pytest

from nnirr_site.core.fast_paths import parse


def needs(name):
    enabled = name in parse(os.environ.get("NNIRR_FAST_PATHS", "all"))
    return pytest.mark.skipif(not enabled, reason=f"tests the {name} fast path, which NNIRR_FAST_PATHS turns off")
