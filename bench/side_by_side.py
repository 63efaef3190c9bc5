"""Our pages that cannot come from the page cache, measured against a reference site in the same run.

Each page kind of ours is paired with the reference page closest in role (``PAGES``): the reference is
Wagtail's bakerydemo with its own demo data (``bench/reference.py``), rendered in its own process and
virtualenv by the same worker (``bench/render_worker.py``: Django's test Client, full middleware, no
network; warm-up, then timed renders, then one render with the SQL queries counted). Our side runs with
the page cache off (``PAGE_CACHE_SECONDS=0``); the layout cache stays on, as in production.

The machine is shared, so the two sides are measured interleaved: ``BENCH_SIDE_ROUNDS`` rounds (8), each
rendering every page ``BENCH_SIDE_RENDERS`` times (3) on both sides, ours first in even rounds and the
reference first in odd ones. A burst of load from elsewhere then lands on both. The figure per page is
the median of all its renders; the load average is printed before and after.

With ``fast_paths_off=True`` a third worker of ours runs with ``NNIRR_FAST_PATHS=off`` (every hand-made
fast path switched off, ``nnirr_site/core/fast_paths.py``), interleaved likewise, so each fast path's
saving on an uncached page is measured in the same run. With ``after_publish=True`` a fourth renders
each page as its first view after a publish: the fast paths on, but a new layout generation started
before every render (``AFTER_PUBLISH_SETUP``), so every per-generation cache (route, layout, card,
page extras) is cold and is filled by that render. It has a cache folder of its own, so the other
workers keep their generation; its folder fills with each generation's entries as a long-running
site's does (Django's file cache lists the folder on every write, up to ``MAX_ENTRIES`` 5000 files).
"""

import json
import os
import shutil
import statistics
import subprocess
import tempfile

from bench.reference import CALIBRATION_PATH, FALLBACK, bakerydemo
from bench.reference import PAGES as REFERENCE_PATHS
from bench.server import ROOT, PY, env_int

# (our page kind, our address, the reference page it is compared with, whether the 0.35 target applies)
PAGES = [
    ("home", "/", "home", False),
    ("programs listing", "/programs/", "listing", False),
    ("resource library, filtered", "/resources/?kind=report&language=es", "listing", True),
    ("events index, filtered", "/events/?state=TX", "listing", True),
    ("services directory, filtered", "/services/?category=legal&state=US-TX&free=on&open=on", "listing", True),
    ("blog index", "/news/", "blog index", True),
    ("blog post", "/news/sign-the-refugee-admissions-petition/", "blog post", True),
    ("program page", "/programs/hurricane/", "detail", True),
    ("search 'refugee'", "/search/?q=refugee", "search", True),
    ("search 'refugee rigths'", "/search/?q=refugee+rigths", "search", True),
]
RATIO_TARGET = 0.35
# The render worker's ``setup``/``call`` request: a new layout generation (as a publish starts), then the page.
AFTER_PUBLISH_SETUP = """
from django.core.cache import cache
from django.test import Client
from nnirr_site.core import layout_cache
client = Client(HTTP_HOST="localhost")
def after_publish(path):
    cache.delete(layout_cache.GENERATION_KEY)
    if client.get(path).status_code != 200:
        raise RuntimeError(path)
"""


class Worker:
    """A ``bench/render_worker.py`` process: ``measure(path, n)`` → (times, queries)."""

    def __init__(self, command, cwd, env, host="localhost"):
        self.host = host
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)

    def ask(self, request):
        self.process.stdin.write(json.dumps({"host": self.host, **request}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"render worker ended (exit {self.process.wait()})")
        return json.loads(line)

    def measure(self, path, n):
        answer = self.ask({"path": path, "n": n})
        if answer.get("status") != 200 or "times" not in answer:
            raise RuntimeError(f"{path} answered {answer.get('status')}")
        return answer["times"], answer["queries"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def our_worker(env, **extra):
    return Worker([PY, str(ROOT / "bench" / "render_worker.py")], ROOT, {**env, "PAGE_CACHE_SECONDS": "0", **extra})


def measure(env, fast_paths_off=False, after_publish=False):
    """``{"rows": [...], "reference": "bakerydemo"|"fallback", "load": (before, after)}`` (see the module docstring)."""
    rounds = env_int("BENCH_SIDE_ROUNDS", 8)
    renders = env_int("BENCH_SIDE_RENDERS", 3)
    setup, reason = bakerydemo()
    workers = {"ours": our_worker(env)}
    if fast_paths_off:
        workers["ours, fast paths off"] = our_worker(env, NNIRR_FAST_PATHS="off")
    if after_publish:
        # Its own cache folder: the new generation it starts before each render must not empty the other
        # workers' caches (the generation is kept in the shared cache).
        after_dir = tempfile.mkdtemp(prefix="nnirr-bench-after-publish-")
        workers["ours, after a publish"] = our_worker(env, CACHE_DIR=after_dir)
    if setup:
        command, cwd, ref_env = setup
        workers["reference"] = Worker(command, cwd, ref_env)
    else:
        print(f"Reference: bakerydemo could not be set up ({reason}); using the fallback figures of "
              f"{FALLBACK['date']}, scaled by {CALIBRATION_PATH} measured now.", flush=True)
    jobs = {"ours": [(kind, path) for kind, path, _ref, _target in PAGES]}
    if fast_paths_off:
        jobs["ours, fast paths off"] = jobs["ours"]
    if after_publish:
        jobs["ours, after a publish"] = jobs["ours"]
    if setup:
        used = dict.fromkeys(ref for _kind, _path, ref, _target in PAGES)
        jobs["reference"] = [(ref, REFERENCE_PATHS[ref]) for ref in used]
    else:
        jobs["ours"] = [*jobs["ours"], ("calibration", CALIBRATION_PATH)]
    times = {side: {name: [] for name, _path in pages} for side, pages in jobs.items()}
    queries = {side: {} for side in jobs}
    load_before = os.getloadavg()[0]
    try:
        for number in range(rounds):
            order = list(jobs) if number % 2 == 0 else list(reversed(jobs))
            for index in range(max(len(pages) for pages in jobs.values())):
                for side in order:
                    if index < len(jobs[side]):
                        name, path = jobs[side][index]
                        if side == "ours, after a publish":
                            answer = workers[side].ask({"setup": AFTER_PUBLISH_SETUP, "call": f"after_publish({path!r})",
                                                        "n": renders})
                            measured, count = answer["times"], None
                        else:
                            measured, count = workers[side].measure(path, renders)
                        times[side][name] += measured
                        queries[side][name] = count
    finally:
        for worker in workers.values():
            worker.close()
        if after_publish:
            shutil.rmtree(after_dir, ignore_errors=True)
    load_after = os.getloadavg()[0]
    medians = {side: {name: statistics.median(values) for name, values in by_name.items()}
               for side, by_name in times.items()}
    if not setup:
        scale = medians["ours"]["calibration"] / FALLBACK["calibration_ms"]
        medians["reference"] = {ref: ms * scale for ref, (ms, _q) in FALLBACK["pages"].items()}
        queries["reference"] = {ref: q for ref, (_ms, q) in FALLBACK["pages"].items()}
    rows = []
    for kind, path, ref, target in PAGES:
        row = {"kind": kind, "path": path, "reference_page": REFERENCE_PATHS[ref], "target": target,
               "ours_ms": medians["ours"][kind], "ours_queries": queries["ours"][kind],
               "reference_ms": medians["reference"][ref], "reference_queries": queries["reference"][ref]}
        row["ratio"] = row["ours_ms"] / row["reference_ms"]
        if fast_paths_off:
            row["off_ms"] = medians["ours, fast paths off"][kind]
            row["off_queries"] = queries["ours, fast paths off"][kind]
        if after_publish:
            row["after_publish_ms"] = medians["ours, after a publish"][kind]
        rows.append(row)
    return {"rows": rows, "reference": "bakerydemo" if setup else "fallback", "load": (load_before, load_after),
            "rounds": rounds, "renders": renders}


def report(result):
    """Print the table and check the targets; True when every targeted ratio is met."""
    rows = result["rows"]
    estimated = " (estimated: fallback figures scaled)" if result["reference"] == "fallback" else ""
    off = "off_ms" in rows[0]
    print(f"\nSide by side, page cache off: ours vs {result['reference']}{estimated}; median of "
          f"{result['rounds']} interleaved rounds x {result['renders']} renders; "
          f"load average {result['load'][0]:.2f} before, {result['load'][1]:.2f} after")
    header = f"{'page kind':<31}{'ours ms (q)':>14}{'reference page':>26}{'ref ms (q)':>14}{'ratio':>7}"
    after = "after_publish_ms" in rows[0]
    if off:
        header += f"{'fast paths off ms (q)':>24}"
    if after:
        header += f"{'after a publish ms (ratio)':>28}"
    print(header)
    ok = True
    for row in rows:
        line = (f"{row['kind']:<31}{row['ours_ms']:>8.1f} ({row['ours_queries']:>2}){row['reference_page']:>26}"
                f"{row['reference_ms']:>8.1f} ({row['reference_queries']:>2}){row['ratio']:>7.2f}")
        if off:
            line += f"{row['off_ms']:>17.1f} ({row['off_queries']:>2})"
        if after:
            line += f"{row['after_publish_ms']:>19.1f} ({row['after_publish_ms'] / row['reference_ms']:.2f})"
        if row["target"]:
            met = row["ratio"] <= RATIO_TARGET
            ok &= met
            line += "" if met else f"   MISSED (target <= {RATIO_TARGET})"
        print(line)
    print(f"  [{'ok' if ok else 'MISSED'}] every uncacheable page at most {RATIO_TARGET}x its reference page")
    return ok
