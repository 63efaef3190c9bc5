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

import shutil
import sys

from bench.server import ROOT, env_int
from bench.site import demo_site, measure_renders, shell, throughput

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

def main(argv):
    seconds = env_int("BENCH_PAGE_SECONDS", 5)
    connections = env_int("BENCH_PAGE_CONNECTIONS", 16)
    repeats = env_int("BENCH_PAGE_REPEATS", 3)
    count = env_int("BENCH_EVENTS", 500)
    sys.path.insert(0, str(ROOT))
    env, cache_dir = demo_site(DB_NAME)
    print(f"Adding {count} events...", flush=True)
    shell(env, f"COUNT = {count}\n{ADD_EVENTS}")

    renders = measure_renders(env, PATHS)
    rates = throughput(env, PATHS, seconds, connections, repeats)
    shutil.rmtree(cache_dir, ignore_errors=True)

    tool = "wrk" if shutil.which("wrk") else "Python client"
    print(f"\n{'address':<26}{'render ms':>10}{'queries':>9}{'KB':>8}{'events':>8}{'req/s cached':>14}"
          f"{'req/s uncached':>16}   ({tool}, {connections} connections, best of {repeats} runs of {seconds} s)")
    for name in PATHS:
        r = renders[name]
        print(f"{name:<26}{r['median_ms']:>10.1f}{r['queries']:>9}{r['bytes'] / 1024:>8.0f}{r['vevents'] or '':>8}"
              f"{rates['cached'][name]:>14.0f}{rates['uncached'][name]:>16.0f}")
    print(f"{'hello view':<26}{'':>10}{'':>9}{'':>8}{'':>8}{rates['cached']['hello']:>14.0f}"
          f"{rates['uncached']['hello']:>16.0f}")

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
