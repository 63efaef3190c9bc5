"""Page benchmark: render time, SQL queries and throughput of the main pages, next to a bare Django view.

What it does, all on loopback:

1. (Re)creates the database ``nnirr_bench_pages``, migrates it and loads the demo content.
2. In one process, renders each page 20 times with the page cache off (the layout cache on,
   as in production) and prints the median render time and the SQL query count.
3. Serves the site with gunicorn (``nnirr_site.settings.bench``, production settings on
   loopback) twice — page cache on, then off — and measures requests per second for each
   page with ``wrk`` (or, without wrk, a small threaded Python client), next to
   ``/bench-hello/``, a view that returns "Hello" behind the same middleware.
4. Checks the targets: uncached home render under 25 ms; cached pages at least 70% of the
   hello view's throughput.

Throughput on a shared 2-core machine swings between runs, so each address is measured
``BENCH_PAGE_REPEATS`` times and the best run counts, for the pages and the hello view alike.

Options via environment: ``BENCH_PAGE_SECONDS`` (5 per measurement), ``BENCH_PAGE_REPEATS`` (3),
``BENCH_PAGE_CONNECTIONS`` (16),
``BENCH_GUNICORN_WORKERS`` (3), ``BENCH_GUNICORN_THREADS`` (4).
"""

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from bench.server import HOST, PY, ROOT, connect, database_urls, env_int, free_port, stop_all, wait_for_http

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

MEASURE = """
import json, statistics, time
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
pages = json.loads(PAGES)
results = {}
with override_settings(PAGE_CACHE_SECONDS=0):
    client = Client(HTTP_HOST="localhost")
    for name, path in pages.items():
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        times = []
        for _ in range(20):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        results[name] = {"median_ms": statistics.median(times), "queries": len(ctx)}
print("RESULTS" + json.dumps(results))
"""


def database_url():
    url, _bench, admin = database_urls(DB_NAME)
    conn = connect(admin)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {DB_NAME}")
    conn.close()
    return url


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


def best_rps(port, path, seconds, connections, repeats):
    """The best of ``repeats`` throughput measurements of ``path``."""
    return max(wrk_rps(port, path, seconds, connections) for _ in range(repeats))


def wrk_rps(port, path, seconds, connections):
    """Requests per second for ``path``, with wrk if installed, else a threaded Python client."""
    url = f"http://{HOST}:{port}{path}"
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Host: localhost", url],
            capture_output=True, text=True, check=True,
        ).stdout
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if errors:
            raise RuntimeError(f"{path}: {errors.group(1)} error responses\n{out}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return python_rps(port, path, seconds, connections)


def python_rps(port, path, seconds, connections):
    counts = [0] * connections
    deadline = time.monotonic() + seconds

    def run(number):
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < deadline:
            conn.request("GET", path, headers={"Host": "localhost"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
            counts[number] += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def serve(env, port, page_cache_seconds):
    workers = env_int("BENCH_GUNICORN_WORKERS", 3)
    threads = env_int("BENCH_GUNICORN_THREADS", 4)
    return subprocess.Popen(
        [PY, "-m", "gunicorn", "nnirr_site.wsgi:application", "--bind", f"{HOST}:{port}",
         "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
         "--keep-alive", "30", "--log-level", "warning"],
        cwd=ROOT, env={**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)},
    )


def main(argv):
    seconds = env_int("BENCH_PAGE_SECONDS", 5)
    connections = env_int("BENCH_PAGE_CONNECTIONS", 16)
    repeats = env_int("BENCH_PAGE_REPEATS", 3)
    sys.path.insert(0, str(ROOT))
    url = database_url()
    cache_dir = tempfile.mkdtemp(prefix="nnirr-bench-cache-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.bench",
        "DATABASE_URL": url,
        "CACHE_DIR": cache_dir,
        "LOG_LEVEL": "ERROR",
    }
    env.pop("SECRET_KEY", None)
    print(f"Database {DB_NAME}: migrating and loading the demo content...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "load_demo_content", "-v0"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([PY, "manage.py", "shell", "-v0", "-c", "from wagtail.models import Site; "
                    "Site.objects.filter(is_default_site=True).update(hostname='localhost', port=80)"],
                   cwd=ROOT, env=env, check=True)

    port = free_port()
    server = serve(env, port, 600)
    try:
        wait_for_http(port)
        pages = existing_page_paths(PAGES, port)
    finally:
        stop_all([server])

    measured = subprocess.run(
        [PY, "manage.py", "shell", "-v0", "-c", f"PAGES = {json.dumps(json.dumps(pages))}\n{MEASURE}"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )
    renders = json.loads(measured.stdout.split("RESULTS", 1)[1])

    throughput = {}
    for label, cache_seconds in (("cached", 600), ("uncached", 0)):
        port = free_port()
        server = serve(env, port, cache_seconds)
        try:
            wait_for_http(port)
            for path in ["/bench-hello/", *pages.values()]:
                wrk_rps(port, path, 1, connections)  # warm up
            throughput[label] = {"hello": best_rps(port, "/bench-hello/", seconds, connections, repeats)}
            for name, path in pages.items():
                throughput[label][name] = best_rps(port, path, seconds, connections, repeats)
        finally:
            stop_all([server])
    shutil.rmtree(cache_dir, ignore_errors=True)

    tool = "wrk" if shutil.which("wrk") else "Python client"
    print(f"\n{'page':<18}{'render ms':>10}{'queries':>9}{'req/s cached':>14}{'req/s uncached':>16}   ({tool}, "
          f"{connections} connections, best of {repeats} runs of {seconds} s)")
    for name in pages:
        print(f"{name:<18}{renders[name]['median_ms']:>10.1f}{renders[name]['queries']:>9}"
              f"{throughput['cached'][name]:>14.0f}{throughput['uncached'][name]:>16.0f}")
    hello_cached, hello_uncached = throughput["cached"]["hello"], throughput["uncached"]["hello"]
    print(f"{'hello view':<18}{'':>10}{'':>9}{hello_cached:>14.0f}{hello_uncached:>16.0f}")

    ok = True
    home_ms = renders.get("home", {}).get("median_ms")
    if home_ms is not None:
        met = home_ms < HOME_RENDER_TARGET_MS
        ok &= met
        print(f"  [{'ok' if met else 'MISSED'}] uncached home render {home_ms:.1f} ms (target < {HOME_RENDER_TARGET_MS} ms)")
    for name in pages:
        share = throughput["cached"][name] / hello_cached
        met = share >= CACHED_SHARE_TARGET
        ok &= met
        print(f"  [{'ok' if met else 'MISSED'}] cached {name}: {share:.0%} of the hello view's throughput "
              f"(target >= {CACHED_SHARE_TARGET:.0%})")
    return 0 if ok else 1
