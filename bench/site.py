"""What the page, events and services benchmarks share: a fresh demo site, render times, throughput.

``demo_site`` recreates a benchmark database with the demo content (the Site answering for
``localhost``); ``measure_renders`` renders addresses in one process with the page cache off
(median of 20, SQL queries, bytes, and calendar entries for feeds); ``throughput`` serves the site
with gunicorn with the page cache on and off and measures each address next to ``/bench-hello/``.
"""

import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time

from bench.server import HOST, PY, ROOT, connect, database_urls, env_int, free_port, stop_all, wait_for_http

RENDER = """
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
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
        times = []
        for _ in range(20):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        results[name] = {"median_ms": statistics.median(times), "queries": len(ctx), "bytes": len(response.content),
                         "vevents": response.content.count(b"BEGIN:VEVENT")}
print("RESULTS" + json.dumps(results))
"""


def shell(env, code, capture=False):
    """Run ``code`` in ``manage.py shell`` with the benchmark's environment."""
    return subprocess.run([PY, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=capture, text=True)


def demo_site(db_name):
    """(Re)create ``db_name``, migrate it and load the demo content; return ``(env, cache_dir)`` for its processes."""
    url, _bench, admin = database_urls(db_name)
    conn = connect(admin)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {db_name}")
    conn.close()
    cache_dir = tempfile.mkdtemp(prefix=f"{db_name}-cache-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.bench", "DATABASE_URL": url,
           "CACHE_DIR": cache_dir, "LOG_LEVEL": "ERROR"}
    env.pop("SECRET_KEY", None)
    print(f"Database {db_name}: migrating and loading the demo content...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "load_demo_content", "-v0"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    shell(env, "from wagtail.models import Site; "
               "Site.objects.filter(is_default_site=True).update(hostname='localhost', port=80)")
    return env, cache_dir


def measure_renders(env, paths):
    """``{name: {median_ms, queries, bytes, vevents}}`` for each address of ``paths``, page cache off."""
    measured = shell(env, f"PATHS = {json.dumps(json.dumps(paths))}\n{RENDER}", capture=True)
    return json.loads(measured.stdout.split("RESULTS", 1)[1])


def throughput(env, paths, seconds, connections, repeats):
    """``{"cached"|"uncached": {"hello": rps, name: rps, ...}}``: gunicorn with the page cache on, then off."""
    results = {}
    for label, cache_seconds in (("cached", 600), ("uncached", 0)):
        port = free_port()
        server = serve(env, port, cache_seconds)
        try:
            wait_for_http(port)
            for path in ["/bench-hello/", *paths.values()]:
                wrk_rps(port, path, 1, connections)  # warm up
            results[label] = {"hello": best_rps(port, "/bench-hello/", seconds, connections, repeats)}
            for name, path in paths.items():
                results[label][name] = best_rps(port, path, seconds, connections, repeats)
        finally:
            stop_all([server])
    return results


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
