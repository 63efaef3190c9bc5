"""What each hand-made fast path saves today: the request it speeds up, with it on and off, in one run.

For every fast path of ``nnirr_site/core/fast_paths.py``, a render worker (``bench/render_worker.py``)
with all fast paths on and one with only that one off render the requests it is meant to speed up,
interleaved (``BENCH_FAST_ROUNDS`` rounds of ``BENCH_SIDE_RENDERS`` renders each, the order swapped
every round); the figure is the median. The saving is reported as a share of the request without the
fast path, against the rule of issue 18: a fast path that saves under 5% of its request goes.

The bench database is the page benchmark's (``nnirr_bench_pages``, recreated unless ``BENCH_REUSE_DB=1``).
``BENCH_FAST_ONLY=card_cache,page_extras`` measures only the fast paths named.
"""

import os
import shutil
import statistics
import sys

from bench.server import ROOT, env_int
from bench.side_by_side import our_worker
from nnirr_site.core.fast_paths import NAMES

KEEP_SHARE = 0.05
EMAIL_SETUP = """
from campaigns.petitions.emails import build_message
from campaigns.petitions.models import EmailKind, PetitionPage, Signature
petition = PetitionPage.objects.live().filter(locale__language_code="en").first()
signature = Signature(pk=1, petition_id=petition.pk, petition_key=petition.translation_key, first_name="Ana",
                      last_name="Díaz", email="ana@example.org", language="en", privacy_notice_version="2026-11")
"""
PETITION = "/campaigns/ratify-migrant-workers-convention/ratify-the-convention-petition/"

# fast path → (what it speeds up, the worker's extra environment, [(label, request)])
CASES = {
    "route_cache": ("uncached page", {}, [("program page", {"path": "/programs/hurricane/"}),
                                          ("blog post", {"path": "/news/sign-the-refugee-admissions-petition/"})]),
    "restrictions": ("uncached page", {}, [("program page", {"path": "/programs/hurricane/"}),
                                           ("home", {"path": "/"})]),
    "layout_cache": ("uncached page", {}, [("home", {"path": "/"}), ("program page", {"path": "/programs/hurricane/"})]),
    "page_cache": ("anonymous page", {"PAGE_CACHE_SECONDS": "600"}, [("home", {"path": "/"}),
                                                                      ("blog index", {"path": "/news/"})]),
    # A page from the cache takes a fraction of a millisecond: many renders per round, so the median holds.
    "security_headers": ("page from the page cache", {"PAGE_CACHE_SECONDS": "600"}, [("home, cached", {"path": "/", "n": 40})]),
    "petition_pages": ("petition form page", {"PETITION_PAGE_CACHE_SECONDS": "5"}, [("petition page", {"path": PETITION})]),
    "card_cache": ("uncached page", {}, [("blog index", {"path": "/news/"}),
                                         ("search 'refugee'", {"path": "/search/?q=refugee"})]),
    "page_extras": ("uncached page", {}, [("program page", {"path": "/programs/hurricane/"}),
                                          ("blog post", {"path": "/news/sign-the-refugee-admissions-petition/"}),
                                          ("blog index", {"path": "/news/"}),
                                          ("resource library, filtered", {"path": "/resources/?kind=report&language=es"}),
                                          ("services directory, filtered",
                                           {"path": "/services/?category=legal&state=US-TX&free=on&open=on"})]),
    "email_markers": ("signer email", {}, [("confirmation email", {
        "setup": EMAIL_SETUP, "call": "build_message(signature, EmailKind.CONFIRM, 'tok-123')"})]),
}


def median_pair(env, name, extra, requests, rounds, renders):
    """``{label: (on_ms, off_ms)}`` for ``requests``, with all fast paths on, and all but ``name``."""
    others = ",".join(other for other in NAMES if other != name) or "off"
    workers = {"on": our_worker(env, **extra), "off": our_worker(env, NNIRR_FAST_PATHS=others, **extra)}
    times = {(side, label): [] for side in workers for label, _request in requests}
    try:
        for number in range(rounds):
            order = ["on", "off"] if number % 2 == 0 else ["off", "on"]
            for label, request in requests:
                for side in order:
                    answer = workers[side].ask({"n": renders, **request})  # a case may set its own n
                    if "times" not in answer or answer.get("status") != 200:
                        raise RuntimeError(f"{name} {side} {label}: {answer}")
                    times[(side, label)] += answer["times"]
    finally:
        for worker in workers.values():
            worker.close()
    return {label: (statistics.median(times[("on", label)]), statistics.median(times[("off", label)]))
            for label, _request in requests}


def measure(env):
    rounds = env_int("BENCH_FAST_ROUNDS", 6)
    renders = env_int("BENCH_SIDE_RENDERS", 3)
    load_before = os.getloadavg()[0]
    results = {}
    only = [name.strip() for name in os.environ.get("BENCH_FAST_ONLY", "").split(",") if name.strip()]
    for name, (speeds_up, extra, requests) in CASES.items():
        if only and name not in only:
            continue
        results[name] = (speeds_up, median_pair(env, name, extra, requests, rounds, renders))
    return results, (load_before, os.getloadavg()[0])


def report(results, load):
    print(f"\nFast paths, each on vs off in the same run (load average {load[0]:.2f} before, {load[1]:.2f} after)")
    print(f"{'fast path':<18}{'request':<24}{'on ms':>8}{'off ms':>8}{'saves':>8}{'share':>7}   verdict (keep if >= 5%)")
    for name, (speeds_up, by_label) in results.items():
        for label, (on, off) in by_label.items():
            share = (off - on) / off if off else 0.0
            verdict = "keep" if share >= KEEP_SHARE else "remove?"
            print(f"{name:<18}{label:<24}{on:>8.2f}{off:>8.2f}{off - on:>8.2f}{share:>7.0%}   {verdict} ({speeds_up})")


def main(argv):
    sys.path.insert(0, str(ROOT))
    from bench.pages import DB_NAME, existing_site
    from bench.site import demo_site

    env, cache_dir = existing_site() if os.environ.get("BENCH_REUSE_DB") else demo_site(DB_NAME)
    try:
        results, load = measure(env)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    report(results, load)
    return 0
