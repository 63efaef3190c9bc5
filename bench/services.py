"""Border services benchmark: the directory page with its map, filters with counts and exports, at 40 and 1,000 services.

What it does, all on loopback:

1. (Re)creates the database ``nnirr_bench_services``, migrates it and loads the demo content
   (about 40 services).
2. In one process, with the page cache off, renders each address 20 times and prints the
   median render time and the SQL query count: the directory (list + map + counts), a filtered
   directory, a service's page, the JSON export.
3. Adds services until there are ``BENCH_SERVICES`` (1,000) in English, spread over the border
   cities, each with weekday hours, and measures the same addresses again: the query count
   must not change, and the uncached directory render must stay under
   ``DIRECTORY_RENDER_TARGET_MS``.
4. Serves the site with gunicorn (``nnirr_site.settings.bench``) with the page cache on and off
   and measures requests per second for the directory next to ``/bench-hello/`` (a view that
   returns "Hello" behind the same middleware); the cached directory must reach
   ``CACHED_SHARE_TARGET`` of the hello view's throughput.

Options via environment: ``BENCH_SERVICES`` (1000), ``BENCH_PAGE_SECONDS`` (5),
``BENCH_PAGE_REPEATS`` (3), ``BENCH_PAGE_CONNECTIONS`` (16), ``BENCH_GUNICORN_WORKERS`` (3),
``BENCH_GUNICORN_THREADS`` (4).
"""

import shutil
import sys

from bench.server import ROOT, env_int
from bench.site import demo_site, measure_renders, shell, throughput

DB_NAME = "nnirr_bench_services"
PAGES = {
    "directory": "/services/",
    "directory filtered": "/services/?category=legal&state=US-TX&free=on&open=on",
    "directory, Spanish": "/es/servicios/",
    "service page": "/services/demo-el-paso-shelter/",
    "JSON export": "/services/export/json/?state=MX-SON",
}
DIRECTORY_RENDER_TARGET_MS = 120
CACHED_SHARE_TARGET = 0.70

ADD_SERVICES = """
from datetime import time
from wagtail.models import Locale
from services.models import Service, ServiceHours
english = Locale.get_default()
cities = [("US-CA", "San Diego"), ("US-AZ", "Tucson"), ("US-NM", "Las Cruces"), ("US-TX", "El Paso"),
          ("US-TX", "McAllen"), ("MX-BCN", "Tijuana"), ("MX-SON", "Nogales"), ("MX-CHH", "Ciudad Juárez"),
          ("MX-TAM", "Reynosa"), ("MX-TAM", "Matamoros"), ("US-TX", "Laredo"), ("MX-COA", "Piedras Negras")]
categories = ["legal", "shelter", "medical", "mental_health", "food", "water_aid", "accompaniment",
              "detention_visitation", "know_your_rights", "transportation", "other"]
missing = TARGET - Service.objects.filter(locale=english).count()
services = Service.objects.bulk_create(
    Service(locale=english, name=f"Bench service {n}", slug=f"bench-service-{n}",
            organization_name=f"Demo Bench Organization {n % 97}", description="A service added by the benchmark.",
            categories=[categories[n % 11], categories[(n * 7) % 11]], languages=["en", "es"][: 1 + n % 2],
            state=cities[n % 12][0], city=cities[n % 12][1], country=cities[n % 12][0][:2],
            time_zone="America/Chicago", phone="+1 915-555-0100", fees=["free", "sliding", "cost"][n % 3],
            asks_immigration_status=["no", "yes", "unknown"][n % 3], shares_with_enforcement="no",
            address_confidential=(n % 10 == 0), address=f"{n} Example Street", latitude=31.7, longitude=-106.4)
    for n in range(max(missing, 0))
)
ServiceHours.objects.bulk_create(
    ServiceHours(service=s, weekday=d, opens=time(9), closes=time(17), sort_order=d) for s in services for d in range(5)
)
print("services:", Service.objects.filter(locale=english).count())
"""


def main(argv):
    seconds = env_int("BENCH_PAGE_SECONDS", 5)
    connections = env_int("BENCH_PAGE_CONNECTIONS", 16)
    repeats = env_int("BENCH_PAGE_REPEATS", 3)
    target_services = env_int("BENCH_SERVICES", 1000)
    sys.path.insert(0, str(ROOT))
    env, cache_dir = demo_site(DB_NAME)

    demo = measure_renders(env, PAGES)
    print(shell(env, f"TARGET = {target_services}\n{ADD_SERVICES}", capture=True).stdout.strip(), flush=True)
    large = measure_renders(env, PAGES)
    rates = throughput(env, {"directory": PAGES["directory"]}, seconds, connections, repeats)
    shutil.rmtree(cache_dir, ignore_errors=True)

    print(f"\n{'address':<22}{'demo ms':>9}{'queries':>9}{f'{target_services} ms':>10}{'queries':>9}{'KB':>7}")
    for name in PAGES:
        print(f"{name:<22}{demo[name]['median_ms']:>9.1f}{demo[name]['queries']:>9}"
              f"{large[name]['median_ms']:>10.1f}{large[name]['queries']:>9}{large[name]['bytes'] / 1024:>7.1f}")
    tool = "wrk" if shutil.which("wrk") else "Python client"
    print(f"\nthroughput at {target_services} services ({tool}, {connections} connections, best of {repeats} runs "
          f"of {seconds} s): directory cached {rates['cached']['directory']:.0f} req/s, "
          f"uncached {rates['uncached']['directory']:.0f} req/s; hello view cached "
          f"{rates['cached']['hello']:.0f}, uncached {rates['uncached']['hello']:.0f}")

    ok = True
    flat = all(demo[name]["queries"] == large[name]["queries"] for name in PAGES if name != "JSON export")
    ok &= flat
    print(f"  [{'ok' if flat else 'MISSED'}] query counts the same at ~40 and {target_services} services")
    ms = large["directory"]["median_ms"]
    met = ms < DIRECTORY_RENDER_TARGET_MS
    ok &= met
    print(f"  [{'ok' if met else 'MISSED'}] uncached directory with map at {target_services} services: {ms:.1f} ms "
          f"(target < {DIRECTORY_RENDER_TARGET_MS} ms)")
    share = rates["cached"]["directory"] / rates["cached"]["hello"]
    met = share >= CACHED_SHARE_TARGET
    ok &= met
    print(f"  [{'ok' if met else 'MISSED'}] cached directory: {share:.0%} of the hello view's throughput "
          f"(target >= {CACHED_SHARE_TARGET:.0%})")
    return 0 if ok else 1
