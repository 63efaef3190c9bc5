"""Page benchmark: render time, SQL queries and throughput of the main pages, next to a bare Django view.

What it does, all on loopback:

1. (Re)creates the database ``nnirr_bench_pages``, migrates it and loads the demo content.
2. In one process, renders each page 20 times with the page cache off (the layout cache on,
   as in production) and prints the median render time and the SQL query count.
3. Serves the site with gunicorn (``nnirr_site.settings.bench``, production settings on
   loopback) twice — page cache on, then off — and measures requests per second for each
   page with ``wrk`` (or, without wrk, a small threaded Python client), next to
   ``/bench-hello/``, a view that returns "Hello" behind the same middleware.
4. Side by side (``bench/side_by_side.py``): the pages that cannot come from the page cache (search,
   filtered listings, a page's first view after a publish) against Wagtail's bakerydemo, installed on
   demand (``bench/reference.py``), interleaved in the same run, with all our fast paths on and off.
5. Checks the targets: uncached home render under 25 ms; cached pages at least 70% of the
   hello view's throughput; each uncacheable page at most 0.35x its reference page.

``bench/run.py pages --side-by-side`` (``make bench-reference``) runs only step 4 (and 1).
``BENCH_REUSE_DB=1`` keeps an existing ``nnirr_bench_pages`` instead of recreating it.

Throughput on a shared 2-core machine swings between runs, so each address is measured
``BENCH_PAGE_REPEATS`` times and the best run counts, for the pages and the hello view alike.

Options via environment: ``BENCH_PAGE_SECONDS`` (5 per measurement), ``BENCH_PAGE_REPEATS`` (3),
``BENCH_PAGE_CONNECTIONS`` (16),
``BENCH_GUNICORN_WORKERS`` (3), ``BENCH_GUNICORN_THREADS`` (4).
"""

import http.client
import os
import shutil
import sys
import tempfile

from bench.server import HOST, ROOT, env_int, free_port, stop_all, wait_for_http
from bench import side_by_side
from bench.server import database_urls
from bench.site import demo_site, measure_renders, serve, throughput

DB_NAME = "nnirr_bench_pages"
PAGES = {
    "home": "/",
    "program": "/programs/hurricane/",
    "blog index": "/news/",
    "blog post": "/news/sign-the-refugee-admissions-petition/",
    "resource library": "/resources/",
    "search": "/search/?q=refugee",
}
HOME_RENDER_TARGET_MS = 25
CACHED_SHARE_TARGET = 0.70

def existing_page_paths(paths, port):
    """Keep only the pages the demo content has (a renamed demo post must not break the bench)."""
    found = {}
    for name, path in paths.items():
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        conn.request("GET", path, headers={"Host": "localhost"})
        if conn.getresponse().status == 200:
            found[name] = path
        else:
            print(f"  (skipping {name}: {path} did not answer 200)")
    return found


def main(argv):
    seconds = env_int("BENCH_PAGE_SECONDS", 5)
    connections = env_int("BENCH_PAGE_CONNECTIONS", 16)
    repeats = env_int("BENCH_PAGE_REPEATS", 3)
    sys.path.insert(0, str(ROOT))
    env, cache_dir = existing_site() if os.environ.get("BENCH_REUSE_DB") else demo_site(DB_NAME)
    if "--side-by-side" in argv:
        ok = side_by_side.report(side_by_side.measure(env, fast_paths_off=True, after_publish=True, previews=True))
        shutil.rmtree(cache_dir, ignore_errors=True)
        return 0 if ok else 1

    port = free_port()
    server = serve(env, port, 600)
    try:
        wait_for_http(port)
        pages = existing_page_paths(PAGES, port)
    finally:
        stop_all([server])

    renders = measure_renders(env, pages)
    rates = throughput(env, pages, seconds, connections, repeats)
    compared = side_by_side.measure(env, fast_paths_off=True, after_publish=True, previews=True)
    shutil.rmtree(cache_dir, ignore_errors=True)

    tool = "wrk" if shutil.which("wrk") else "Python client"
    print(f"\n{'page':<18}{'render ms':>10}{'queries':>9}{'req/s cached':>14}{'req/s uncached':>16}   ({tool}, "
          f"{connections} connections, best of {repeats} runs of {seconds} s)")
    for name in pages:
        print(f"{name:<18}{renders[name]['median_ms']:>10.1f}{renders[name]['queries']:>9}"
              f"{rates['cached'][name]:>14.0f}{rates['uncached'][name]:>16.0f}")
    hello_cached, hello_uncached = rates["cached"]["hello"], rates["uncached"]["hello"]
    print(f"{'hello view':<18}{'':>10}{'':>9}{hello_cached:>14.0f}{hello_uncached:>16.0f}")

    ok = True
    home_ms = renders.get("home", {}).get("median_ms")
    if home_ms is not None:
        met = home_ms < HOME_RENDER_TARGET_MS
        ok &= met
        print(f"  [{'ok' if met else 'MISSED'}] uncached home render {home_ms:.1f} ms (target < {HOME_RENDER_TARGET_MS} ms)")
    for name in pages:
        share = rates["cached"][name] / hello_cached
        met = share >= CACHED_SHARE_TARGET
        ok &= met
        print(f"  [{'ok' if met else 'MISSED'}] cached {name}: {share:.0%} of the hello view's throughput "
              f"(target >= {CACHED_SHARE_TARGET:.0%})")
    ok &= side_by_side.report(compared)
    return 0 if ok else 1


def existing_site():
    """The environment for the bench database as it is (``BENCH_REUSE_DB=1``), with a fresh cache folder."""
    url, _bench, _admin = database_urls(DB_NAME)
    cache_dir = tempfile.mkdtemp(prefix=f"{DB_NAME}-cache-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.bench", "DATABASE_URL": url,
           "CACHE_DIR": cache_dir, "LOG_LEVEL": "ERROR"}
    env.pop("SECRET_KEY", None)
    return env, cache_dir
