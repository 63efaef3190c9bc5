"""Events benchmark: the events index (with filters) and the calendar feeds, at the size of a busy year.

1. (Re)creates the database ``nnirr_bench_events``, migrates it, loads the demo content and adds
   ``BENCH_EVENTS`` (500) more upcoming events across six states, so the index and the feed hold
   hundreds of entries (the demo alone has about twenty).
2. In one process, with the page cache off, renders each address 20 times and prints the median
   time, the SQL query count and the response size.
3. Serves the site with gunicorn (``nnirr_site.settings.bench``) with the page cache on, then off,
   and measures requests per second per address (``wrk``, or a threaded Python client), next to
   ``/bench-hello/``.
4. Checks the targets: the filtered index renders in under 60 ms uncached with at most 30 queries;
   the full feed (every upcoming event) renders in under 500 ms and the filtered feed in under 100 ms.

Options via environment: ``BENCH_EVENTS`` (500), ``BENCH_PAGE_SECONDS`` (5), ``BENCH_PAGE_REPEATS`` (3),
``BENCH_PAGE_CONNECTIONS`` (16), ``BENCH_GUNICORN_WORKERS`` (3), ``BENCH_GUNICORN_THREADS`` (4).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from bench.pages import best_rps, serve, wrk_rps
from bench.server import PY, ROOT, connect, database_urls, env_int, free_port, stop_all, wait_for_http

DB_NAME = "nnirr_bench_events"
PATHS = {
    "index": "/events/",
    "index ?state=TX&lang=es": "/events/?state=TX&lang=es",
    "index es ?mode=online": "/es/eventos/?mode=online",
    "archive 2025": "/events/archive/2025/",
    "event page": "/events/tucson-vigil-2026/",
    "event .ics": "/events/tucson-vigil-2026/calendar/",
    "feed /events.ics": "/events.ics",
    "feed ?state=TX&lang=es": "/events.ics?state=TX&lang=es",
}
TARGETS_MS = {"index ?state=TX&lang=es": 60, "feed /events.ics": 500, "feed ?state=TX&lang=es": 100}
INDEX_QUERY_TARGET = 30

ADD_EVENTS = """
import datetime
from wagtail.models import Page
from events.models import EventIndexPage, EventPage
index = EventIndexPage.objects.get(slug="events", locale__language_code="en")
states = [("TX", "America/Chicago"), ("CA", "America/Los_Angeles"), ("AZ", "America/Phoenix"),
          ("IL", "America/Chicago"), ("NY", "America/New_York"), ("FL", "America/New_York")]
for n in range(COUNT):
    state, zone = states[n % len(states)]
    page = EventPage(title=f"Bench event {n}", slug=f"bench-event-{n}", summary="A bench event.",
                     start_date=datetime.date(2027, 1 + n % 12, 1 + n % 28), start_time=datetime.time(18, 0),
                     end_time=datetime.time(20, 0), time_zone=zone, city="Bench City", state=state,
                     venue_name="Bench Hall", street_address="1 Bench St",
                     languages=[["en"], ["es"], ["en", "es"]][n % 3],
                     attendance=["in_person", "online", "both"][n % 3], online_url="https://meet.example.org/b")
    Page.objects.get(pk=index.pk).add_child(instance=page)
print("added", COUNT)
"""

MEASURE = """
import json, statistics, time
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
paths = json.loads(PATHS)
results = {}
with override_settings(PAGE_CACHE_SECONDS=0):
    client = Client(HTTP_HOST="localhost")
    for name, path in paths.items():
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        times = []
        for _ in range(20):
            start = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        results[name] = {"median_ms": statistics.median(times), "queries": len(ctx), "kb": len(response.content) / 1024,
                         "vevents": response.content.count(b"BEGIN:VEVENT")}
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


def shell(env, code, capture=False):
    return subprocess.run([PY, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=capture, text=True)


def main(argv):
    seconds = env_int("BENCH_PAGE_SECONDS", 5)
    connections = env_int("BENCH_PAGE_CONNECTIONS", 16)
    repeats = env_int("BENCH_PAGE_REPEATS", 3)
    count = env_int("BENCH_EVENTS", 500)
    sys.path.insert(0, str(ROOT))
    url = database_url()
    cache_dir = tempfile.mkdtemp(prefix="nnirr-bench-cache-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.bench", "DATABASE_URL": url,
           "CACHE_DIR": cache_dir, "LOG_LEVEL": "ERROR"}
    env.pop("SECRET_KEY", None)
    print(f"Database {DB_NAME}: migrating, loading the demo content and adding {count} events...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "load_demo_content", "-v0"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    shell(env, "from wagtail.models import Site; "
               "Site.objects.filter(is_default_site=True).update(hostname='localhost', port=80)")
    shell(env, f"COUNT = {count}\n{ADD_EVENTS}")

    renders = json.loads(shell(env, f"PATHS = {json.dumps(json.dumps(PATHS))}\n{MEASURE}", capture=True)
                         .stdout.split("RESULTS", 1)[1])

    throughput = {}
    for label, cache_seconds in (("cached", 600), ("uncached", 0)):
        port = free_port()
        server = serve(env, port, cache_seconds)
        try:
            wait_for_http(port)
            for path in ["/bench-hello/", *PATHS.values()]:
                wrk_rps(port, path, 1, connections)  # warm up
            throughput[label] = {"hello": best_rps(port, "/bench-hello/", seconds, connections, repeats)}
            for name, path in PATHS.items():
                throughput[label][name] = best_rps(port, path, seconds, connections, repeats)
        finally:
            stop_all([server])
    shutil.rmtree(cache_dir, ignore_errors=True)

    tool = "wrk" if shutil.which("wrk") else "Python client"
    print(f"\n{'address':<26}{'render ms':>10}{'queries':>9}{'KB':>8}{'events':>8}{'req/s cached':>14}"
          f"{'req/s uncached':>16}   ({tool}, {connections} connections, best of {repeats} runs of {seconds} s)")
    for name in PATHS:
        r = renders[name]
        print(f"{name:<26}{r['median_ms']:>10.1f}{r['queries']:>9}{r['kb']:>8.0f}{r['vevents'] or '':>8}"
              f"{throughput['cached'][name]:>14.0f}{throughput['uncached'][name]:>16.0f}")
    print(f"{'hello view':<26}{'':>10}{'':>9}{'':>8}{'':>8}{throughput['cached']['hello']:>14.0f}"
          f"{throughput['uncached']['hello']:>16.0f}")

    ok = True
    for name, target in TARGETS_MS.items():
        value = renders[name]["median_ms"]
        met = value < target
        ok &= met
        print(f"  [{'ok' if met else 'MISSED'}] uncached {name}: {value:.1f} ms (target < {target} ms)")
    for name in ("index", "index ?state=TX&lang=es", "index es ?mode=online", "archive 2025"):
        queries = renders[name]["queries"]
        met = queries <= INDEX_QUERY_TARGET
        ok &= met
        print(f"  [{'ok' if met else 'MISSED'}] {name}: {queries} queries with {count} more events "
              f"(target <= {INDEX_QUERY_TARGET}; tests/events/test_listing.py checks they do not grow)")
    return 0 if ok else 1
