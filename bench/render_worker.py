"""A process that renders pages of one Django project on request, for side-by-side measurements.

Runs inside either project (ours, or the reference bakerydemo in its own virtualenv): it imports
nothing from this repository, only Django. Started with the project's root as working directory and
``DJANGO_SETTINGS_MODULE`` set; reads one JSON request per line on stdin and answers one JSON line:

- ``{"path": "/x/", "host": "localhost", "n": 5}`` → ``{"times": [ms, ...], "queries": q, "bytes": b, "status": s}``:
  ``n`` renders of ``path`` with Django's test Client (the full middleware stack, no network), timed
  one by one, then one more with the SQL queries counted. The first request for a path warms it up
  (three untimed renders).
- ``{"profile": "/x/", "host": "localhost", "n": 20}`` → ``{"profile": "<pstats text>"}``.
- ``{"setup": "python code", "call": "expression", "n": 5}`` → ``{"times": [...]}``: runs ``setup`` once per
  distinct text, then times ``n`` evaluations of ``call`` in its namespace (something other than a page,
  such as building an email). With ``"before": "expression"``, that is evaluated before each timed
  call, untimed (publishing a page before its first view is timed).

The page cache is switched off with ``PAGE_CACHE_SECONDS=0`` in the environment (ours) and is absent in
the reference, so every render goes through routing, queries and templates.
"""

import json
import os
import sys
import time


def main():
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {}
    warmed = set()
    namespaces = {}
    for line in sys.stdin:
        request = json.loads(line)
        if "call" in request:
            if request["setup"] not in namespaces:
                namespaces[request["setup"]] = {}
                exec(request["setup"], namespaces[request["setup"]])  # noqa: S102 - the bench's own code
            namespace = namespaces[request["setup"]]
            times = []
            for _ in range(request.get("n", 5)):
                if request.get("before"):
                    eval(request["before"], namespace)  # noqa: S307
                start = time.perf_counter()
                eval(request["call"], namespace)  # noqa: S307
                times.append((time.perf_counter() - start) * 1000)
            print(json.dumps({"times": times, "queries": 0, "status": 200}), flush=True)
            continue
        host = request.get("host", "localhost")
        client = clients.setdefault(host, Client(HTTP_HOST=host))
        if "profile" in request:
            print(json.dumps({"profile": profile(client, request["profile"], request.get("n", 20))}), flush=True)
            continue
        path = request["path"]
        if (host, path) not in warmed:
            for _ in range(3):
                response = client.get(path)
                if response.status_code != 200:
                    print(json.dumps({"status": response.status_code}), flush=True)
                    break
            warmed.add((host, path))
        times = []
        for _ in range(request.get("n", 5)):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        print(json.dumps({"times": times, "queries": len(ctx), "bytes": len(response.content),
                          "status": response.status_code}), flush=True)


def profile(client, path, n):
    import cProfile
    import io
    import pstats

    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(n):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(150)
    return out.getvalue()


if __name__ == "__main__":
    main()
