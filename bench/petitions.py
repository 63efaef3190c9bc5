"""Petition benchmark: many supporters signing and confirming at once against gunicorn.

What it does, all on loopback:

1. (Re)creates the database ``nnirr_bench`` on the embedded PostgreSQL server (or on the
   server of ``DATABASE_URL``), migrates it and creates the home page, menus and one petition.
2. Starts gunicorn with ``nnirr_site.settings.bench`` (production settings, fixed bench secret,
   DEBUG off, no SSL redirect, minimum fill time 0) and two petition email workers
   (``db_worker --backend petitions``) writing emails to files. Warms up for a few seconds
   on a second petition and runs ``ANALYZE``: a live site's database has the statistics
   autovacuum gathers, a new one has none, and without them PostgreSQL plans the workers'
   "next task" query by reading every task queued so far (0.8 ms per claim at 2,400 tasks,
   against 0.03 ms with statistics).
3. Runs N simulated supporters for a bounded time. Each one fetches the petition page, posts a
   signature (with its own X-Forwarded-For address and a new connection), and confirms every
   signature whose email has arrived by posting the confirmation form — the link is read from
   the email files, the benchmark's only test-only path.
4. Prints completed signatures (signed and confirmed) per second, p50/p99 latency per request
   kind, and checks that the stored signatures, the counted signatures and the tally equal what
   the supporters did. The headline pass runs with durable commits (PostgreSQL's defaults, as
   in production: the embedded server is restarted without its development speed options); a
   second pass without them (``BENCH_NON_DURABLE=0`` skips it) is reported beside it only.
   With ``DATABASE_URL`` there is one pass, as that server is configured.
5. Runs the *empty flow* the same way, in rounds alternating with the real flow's (``BENCH_ROUNDS``,
   so a change in the machine's load during the pass falls on both): the same supporters make the same three requests through
   the same gunicorn and middleware, but signing only queues a task that does nothing (run by the
   same workers) and confirming does nothing (``bench/urls.py``). Its rate is the ceiling of this
   stack on this machine — what the server, the task queue and the simulated supporters cost
   before any petition work. The target is a ratio in the same run: with durable commits the
   real flow completes at least 70% of the empty flow's rate, with p99 under 500 ms and exact totals.
6. Runs the *textbook flow* in the same rounds (``BENCH_TEXTBOOK_FLOW=0`` skips it): the same supporters
   and requests against a petition written as a Django tutorial would (``bench/urls.py``: a Django form
   with CSRF and a country list, one row with a hashed token stored in the transaction that queues the
   email, the email sent by the same workers through Django's mail backend, confirming by the link),
   without anything the site adds. Reported beside the others, not a target: it shows what the
   minimum duties of a double opt-in petition cost on this stack.
7. Runs the *minimum flow* in the same rounds (``BENCH_MINIMUM_FLOW=0`` skips it): the textbook flow with
   its form page rendered once per process and each visitor's CSRF token filled in, as the site does
   with its petition page (``/bench-min/``): the duties of a double opt-in petition written plainly, with
   nothing the site adds and the one saving that matters most. Its ratio to the empty flow shows what
   those duties alone cost on this stack; the summary also gives the real flow as a ratio to it.

Usage: ``python bench/run.py`` (``make bench``); options via environment:
``BENCH_SIGNERS`` (32), ``BENCH_SECONDS`` (20), ``BENCH_GUNICORN_WORKERS`` (6),
``BENCH_GUNICORN_THREADS`` (2), ``BENCH_EMAIL_WORKERS`` (2), ``BENCH_WARM_UP_SECONDS`` (5; 0 skips
the warm-up and ``ANALYZE``), ``BENCH_EMPTY_FLOW`` (1; 0 skips it), ``BENCH_ROUNDS`` (2: rounds of each flow
within ``BENCH_SECONDS``). More processes with fewer threads
each keep Python's GIL from queueing requests inside one process: on 2 cores, 6 × 2 answered
with a p50 of 40-55 ms where 3 × 4 took 130-150 ms, for the same throughput.
"""

import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from bench.server import HOST, PY, ROOT, connect, database_urls, env_int, free_port, stop_all, wait_for_http

DB_NAME = "nnirr_bench"
BARE_PATH = "/bench-bare/"  # the textbook flow (bench/urls.py)
BARE_WARM_UP_PATH = "/bench-bare/warm-up/"  # the same, its rows marked as the warm-up's
MIN_PATH = "/bench-min/"  # the minimum flow: the textbook flow with its form page rendered once per process
MIN_WARM_UP_PATH = "/bench-min/warm-up/"
CONFIRM_LINK = re.compile(r"https?://[^\s\"<>]+/confirm/[A-Za-z0-9_-]+/")
TO_LINE = re.compile(r"^To: (\S+)$", re.MULTILINE)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_INPUT = re.compile(r'name="started" value="([^"]+)"')

UNFINISHED_TASKS = (
    "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING') AND task_path = %s"
)

SETUP = """
from wagtail.models import Page
from nnirr_site.core import demo_content as core
from nnirr_site.core.demo_builders import ensure_page
from campaigns.petitions.models import PetitionIndexPage, PetitionPage
home = core.build_home()
pages = core.build_standard_pages(home)
core.build_settings(home)
core.build_menus(home)
index = ensure_page(Page.objects.get(pk=home.pk), PetitionIndexPage, "petitions", title="Petitions")
for slug, title in (("bench-warm-up", "Warm-up petition"), ("bench-petition", "Benchmark petition")):
    petition = ensure_page(index, PetitionPage, slug, title=title,
        addressee="The Benchmark", ask="<p>Sign quickly, please.</p>", signature_goal=100000,
        share_text="Sign it.", ask_comment=True)
    print("PETITION", petition.pk, petition.url)
from django.db import connection
from bench.urls import BARE_TABLE
with connection.cursor() as cursor:
    cursor.execute(BARE_TABLE)
"""


def recreate_database(admin_config):
    conn = connect(admin_config)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {DB_NAME}")
    conn.close()


class MailIndex:
    """Watches the email folder and maps each recipient to the newest confirmation link sent to them."""

    def __init__(self, folder):
        self.folder = folder
        self.links = {}
        self.sizes = {}
        self.done = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop.is_set():
            self.scan()
            self.stop.wait(0.05)

    def scan(self):
        # Django's file backend names files "<YYYYmmdd-HHMMSS>-<object id>.log", and a later email of the
        # same second can append to one (object ids are reused). A file unchanged for 2 s never changes
        # again: once read it is skipped without even a stat (stat-ing thousands of files 20 times a
        # second cost this process more than its HTTP clients).
        settled = time.time() - 2
        for name in os.listdir(self.folder):
            if name in self.done:
                continue
            path = os.path.join(self.folder, name)
            try:
                stat = os.stat(path)
                size = stat.st_size
                if self.sizes.get(name) == size:
                    if stat.st_mtime < settled:
                        self.done.add(name)
                    continue
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if not text.rstrip().endswith("-" * 79):  # the file backend ends each message with a rule
                continue
            self.sizes[name] = size
            for message in text.split("-" * 79):
                to = TO_LINE.search(message)
                link = CONFIRM_LINK.search(message)
                if to and link:
                    with self.lock:
                        self.links[to.group(1)] = link.group(0)

    def take(self, address):
        with self.lock:
            return self.links.pop(address, None)


class Client:
    """One supporter's browser: a keep-alive connection and cookies."""

    def __init__(self, port, address):
        self.port = port
        self.address = address
        self.cookies = {}
        self.conn = None

    def new_connection(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, form=None):
        headers = {"Host": f"{HOST}:{self.port}", "X-Forwarded-For": self.address, "User-Agent": "nnirr-bench"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
                continue
            elapsed = time.perf_counter() - started
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return response.status, data, elapsed
        raise RuntimeError("unreachable")


class CpuMeter:
    """CPU seconds used by gunicorn, the email workers, PostgreSQL and this process while a load runs.

    Read from ``/proc`` (Linux): each started process with its children, the PostgreSQL server
    processes serving the bench database (their command line names it), and this process itself
    (the simulated supporters and the email folder's reader).
    """

    TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def __init__(self, processes, database):
        self.groups = {"gunicorn": processes[:1], "email workers": processes[1:]}
        self.database = re.compile(rb"\b" + re.escape(database.encode()) + rb"\b")

    @classmethod
    def _seconds(cls, pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / cls.TICK

    @staticmethod
    def _children():
        children = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
                except OSError:
                    continue
                children.setdefault(parent, []).append(int(entry))
        return children

    def _database_pids(self):
        pids = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if self.database.search(Path(f"/proc/{entry}/cmdline").read_bytes()):
                        pids.append(int(entry))
                except OSError:
                    continue
        return pids

    def snapshot(self):
        """{(group, pid): CPU seconds so far} for every process counted."""
        children = self._children()
        seen = {}
        for group, processes in self.groups.items():
            stack = [process.pid for process in processes]
            while stack:
                pid = stack.pop()
                seen[(group, pid)] = self._seconds(pid)
                stack.extend(children.get(pid, ()))
        for pid in self._database_pids():
            seen[("PostgreSQL", pid)] = self._seconds(pid)
        seen[("load generator", os.getpid())] = time.process_time()
        return seen

    def settled(self, timeout=30):
        """A snapshot once every process has finished starting (its CPU use has stopped growing).

        gunicorn answers as soon as its first worker is ready while the others are still importing
        the site; a round that started then would count their start-up and run with fewer workers.
        """
        limit = time.monotonic() + timeout
        before = self.snapshot()
        while time.monotonic() < limit:
            time.sleep(0.5)
            after = self.snapshot()
            used = self.used(before, after)
            if sum(used.values()) - used.get("load generator", 0) < 0.1:  # all idle: under 10% of a core
                return after
            before = after
        return before

    @staticmethod
    def used(before, after):
        """CPU seconds per group between two snapshots (a process that started in between counts whole)."""
        totals = {}
        for (group, pid), seconds in after.items():
            totals[group] = totals.get(group, 0.0) + seconds - before.get((group, pid), 0.0)
        return totals


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {"form": [], "sign": [], "confirm": []}
        self.signed = 0
        self.confirmed = 0
        self.errors = []
        self.cpu = {}
        self.server_latencies = {"form": [], "sign": [], "confirm": []}

    def record(self, kind, seconds):
        with self.lock:
            self.latencies[kind].append(seconds)

    def merge(self, other):
        """Add another round's results to these."""
        for kind, values in other.latencies.items():
            self.latencies[kind].extend(values)
        self.signed += other.signed
        self.confirmed += other.confirmed
        self.errors.extend(other.errors[: max(0, 20 - len(self.errors))])
        for group, seconds in other.cpu.items():
            self.cpu[group] = self.cpu.get(group, 0.0) + seconds
        for kind, values in other.server_latencies.items():
            self.server_latencies[kind].extend(values)

    def error(self, text):
        with self.lock:
            if len(self.errors) < 20:
                self.errors.append(text)


def supporter(number, port, petition_path, first_serial, mail, results, deadline, drain_deadline):
    """Sign again and again until the deadline, confirming each signature once its email arrives.

    Supporter ``number``'s signatures are numbered from ``first_serial`` (each round its own numbers, so
    no address or email is used twice).
    """
    client = Client(port, "")
    pending = []
    serial = first_serial
    while time.monotonic() < drain_deadline:
        ready = next((address for address in pending if address in mail.links), None)
        if ready is not None:
            pending.remove(ready)
            link = mail.take(ready)
            path = "/" + link.split("://", 1)[1].split("/", 1)[1]
            status, _, elapsed = client.request(
                "POST", path, {"csrfmiddlewaretoken": client.cookies.get("csrftoken", "")}
            )
            results.record("confirm", elapsed)
            if status == 200:
                with results.lock:
                    results.confirmed += 1
            else:
                results.error(f"confirm answered {status}")
            continue
        if time.monotonic() >= deadline:
            if not pending:
                return
            time.sleep(0.02)  # waiting for the last emails
            continue
        # Each signature is a new supporter with an address and a connection of their own, as on the
        # real site. (Kept for ever, the 32 connections were all accepted by the first two gunicorn
        # workers to wake, which then queued requests while four others idled.)
        client.address = f"10.{number}.{serial // 250 % 250}.{serial % 250 + 1}"
        client.new_connection()
        status, page, elapsed = client.request("GET", petition_path)
        results.record("form", elapsed)
        csrf, started = CSRF_INPUT.search(page.decode()), STARTED_INPUT.search(page.decode())
        if status != 200 or not csrf or not started:
            results.error(f"form answered {status}")
            continue
        serial += 1
        address = f"supporter{number}-{serial}@example.org"
        form = {
            "csrfmiddlewaretoken": csrf.group(1),
            "started": started.group(1),
            "first_name": "Bench",
            "last_name": f"Supporter {number}",
            "email": address,
            "postal_code": "94612",
            "country": "US",
            "consent": "on",
            "website": "",
        }
        status, _, elapsed = client.request("POST", petition_path, form)
        results.record("sign", elapsed)
        if status == 303:
            with results.lock:
                results.signed += 1
            pending.append(address)
        else:
            results.error(f"sign answered {status}")
    if pending:
        results.error(f"supporter {number}: {len(pending)} confirmation emails never arrived")


def empty_supporter(number, port, mail, results, deadline, drain_deadline):
    """The empty flow: the same three requests as a supporter, around one queued task that does nothing."""
    client = Client(port, f"10.{number}.0.1")
    while time.monotonic() < deadline:
        client.new_connection()
        for kind, method, path, expected in (
            ("form", "GET", "/bench-hello/", 200),
            ("sign", "POST", "/bench-empty/sign/", 303),
            ("confirm", "POST", "/bench-empty/confirm/", 200),
        ):
            status, _, elapsed = client.request(method, path, {} if method == "POST" else None)
            results.record(kind, elapsed)
            if status != expected:
                results.error(f"empty {kind} answered {status}")
                break
            if kind == "sign":
                with results.lock:
                    results.signed += 1
        else:
            with results.lock:
                results.confirmed += 1


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def query_row(conn, sql, params=()):
    """One statement on ``conn`` (autocommit, so each sees the latest data); its first row, if any."""
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() if cursor.description else None


def open_connection(config):
    conn = connect(config)
    conn.autocommit = True
    return conn


def run_load(env, db_config, port, shape, target, args, first_supporter=0, warm_args=None):
    """Start gunicorn and the email workers, run the supporters with ``target``, stop everything.

    Returns the results and the seconds from the first request until the last supporter is done
    (and, for the empty flow, until the workers have run every queued task).
    """
    signers, seconds, gunicorn_workers, gunicorn_threads, email_workers = shape
    mail_dir = tempfile.mkdtemp(prefix="nnirr-bench-mail-")  # each run reads only its own emails
    env = {**env, "BENCH_EMAIL_DIR": mail_dir}
    access_log = mail_dir + ".access.log"  # beside the email folder, which the supporters read
    processes = []
    results = None
    try:
        processes.append(
            subprocess.Popen(
                [PY, "-m", "gunicorn", "nnirr_site.wsgi:application", "--bind", f"{HOST}:{port}",
                 "--workers", str(gunicorn_workers), "--threads", str(gunicorn_threads),
                 "--worker-class", "gthread", "--keep-alive", "30", "--log-level", "warning",
                 # Each request's time inside gunicorn, to set beside what the supporters waited.
                 "--access-logfile", access_log, "--access-logformat", "%(m)s %(U)s %(L)s"],
                cwd=ROOT, env=env,
            )
        )
        for number in range(email_workers):
            processes.append(
                subprocess.Popen(
                    [PY, "manage.py", "db_worker", "--backend", "petitions", "--no-reload", "--interval", "0.05",
                     "--worker-id", f"bench-{number}", "-v0"],
                    cwd=ROOT, env=env,
                )
            )
        wait_for_http(port)
        meter = CpuMeter(processes, db_config["NAME"])
        mail = MailIndex(mail_dir)
        mail.thread.start()
        if warm_args is None:
            warm_up_processes(port, petition_path_of(target, args))
        else:
            warm_up_flow(port, target, warm_args, mail)
        cpu_before = meter.settled()
        open(access_log, "w").close()  # the warm-up's requests are not the measurement's
        results = Results()
        start = time.monotonic()
        deadline = start + seconds
        drain_deadline = deadline + 60
        threads = [
            threading.Thread(target=target, args=(n, port, *args, mail, results, deadline, drain_deadline), daemon=True)
            for n in range(first_supporter, first_supporter + signers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1, drain_deadline - time.monotonic() + 5))
        if target is empty_supporter:
            conn = open_connection(db_config)  # one connection for the whole wait: each new one is a new server process
            while query_row(conn, UNFINISHED_TASKS, ["bench.tasks.nothing"])[0] and time.monotonic() < drain_deadline:
                time.sleep(0.01)
            conn.close()
        finished = time.monotonic()
        results.cpu = meter.used(cpu_before, meter.snapshot())
        mail.stop.set()
    finally:
        stop_all(processes)
        if results is not None:
            results.server_latencies = server_latencies(access_log)
        shutil.rmtree(mail_dir, ignore_errors=True)
        Path(access_log).unlink(missing_ok=True)
    return results, finished - start


def petition_path_of(target, args):
    """The page a flow's supporters open first: the petition, or the empty flow's bare view."""
    return args[0] if target is supporter else "/bench-hello/"


def warm_up_flow(port, target, warm_args, mail, signers=12):
    """Run the flow itself for ``BENCH_PROCESS_WARM_SECONDS`` (2) on its warm-up page before a round is measured.

    A process's first request of each kind loads what it keeps for the rest of its life: for the
    petition, the page's templates and caches (300 ms), and on the first signature the email
    validator's regular expression and the signing code (60 ms), on the first confirmation 15 ms, on
    the worker's first email 13 ms (one process, quiet). Each round starts new processes, so these
    were counted once per process and round; a live server's processes are warm. Opening the page only
    (``warm_up_processes``) left the rest cold. The warm-up signs the warm-up petition (or the textbook
    flow's warm-up address, whose rows are marked), never the measured one, with supporters numbered
    from 200 (addresses and client IPs of their own); its requests and CPU are not counted.
    """
    seconds = env_int("BENCH_PROCESS_WARM_SECONDS", 2)
    results = Results()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=target, args=(200 + n, port, *warm_args, mail, results, deadline, deadline + 30),
                         daemon=True)
        for n in range(signers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=40)
    if results.errors:
        raise RuntimeError(f"warm-up failed: {results.errors[:3]}")


def warm_up_processes(port, path, requests=120, threads=12):
    """Open ``path`` over new connections until every gunicorn worker has answered it a few times.

    A worker's first requests load what it keeps for the rest of its life (templates, the route and
    layout caches, Wagtail's site root paths): a second or so per worker when the supporters found
    them cold, and those first requests made the whole p99. A live server's workers are warm; the
    measurement starts once these are answered. Only the page is opened, so nothing is stored.
    """
    def opener(count):
        client = Client(port, "10.250.0.1")
        for _ in range(count):
            client.new_connection()
            client.request("GET", path)
        client.new_connection()

    workers = [threading.Thread(target=opener, args=(requests // threads,), daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)


def server_latencies(access_log):
    """Seconds each request spent inside gunicorn, by kind (form, sign, confirm), from its access log."""
    latencies = {"form": [], "sign": [], "confirm": []}
    try:
        lines = Path(access_log).read_text().splitlines()
    except OSError:
        return latencies
    for line in lines:
        method, path, seconds = (line.split() + ["", "", ""])[:3]
        if path == "/robots.txt":
            continue
        kind = "form" if method == "GET" else "confirm" if "/confirm" in path else "sign"
        try:
            latencies[kind].append(float(seconds))
        except ValueError:
            continue
    return latencies


def report(results, elapsed, seconds, what="signatures"):
    """Print the run's rates and latencies; returns (completed signatures per second, p99 in seconds)."""
    all_latencies = [value for values in results.latencies.values() for value in values]
    requests = len(all_latencies)
    # The headline counts whole signatures: signed *and* confirmed, over the time until the last
    # confirmation. Signatures posted per second alone would flatter a run whose emails lag behind
    # (supporters waiting for emails have time to post more).
    completed = results.confirmed / elapsed
    print(f"{what + ' completed:':<24}{results.confirmed} signed and confirmed in {elapsed:.1f} s = "
          f"{completed:.1f} {what}/s")
    print(f"{what + ' posted:':<24}{results.signed} in the first {seconds} s = {results.signed / seconds:.1f}/s")
    print(f"requests:               {requests} = {requests / elapsed:.1f} requests/s")
    for kind, values in results.latencies.items():
        print(
            f"latency {kind:<8}        p50 {percentile(values, 0.5) * 1000:6.1f} ms   "
            f"p99 {percentile(values, 0.99) * 1000:6.1f} ms   ({len(values)} requests)"
        )
    p50, p99 = percentile(all_latencies, 0.5), percentile(all_latencies, 0.99)
    print(f"latency all             p50 {p50 * 1000:6.1f} ms   p99 {p99 * 1000:6.1f} ms")
    # The same requests as timed inside gunicorn: the rest of what a supporter waited is the wait for a
    # free worker thread and the load generator's own threads waiting for the CPU.
    for kind, values in results.server_latencies.items():
        if values:
            print(f"  in gunicorn {kind:<8}  p50 {percentile(values, 0.5) * 1000:6.1f} ms   "
                  f"p99 {percentile(values, 0.99) * 1000:6.1f} ms")
    if results.cpu and results.confirmed:
        parts = "   ".join(
            f"{group} {seconds * 1000 / results.confirmed:5.1f}" for group, seconds in results.cpu.items()
        )
        total = sum(results.cpu.values()) * 1000 / results.confirmed
        print(f"CPU ms per completed signature: {parts}   total {total:5.1f}")
    return completed, p99


def main(argv):
    signers = min(env_int("BENCH_SIGNERS", 32), 100)  # supporter n sends from 10.n.x.y; two passes use 0-99 and 100-199
    seconds = env_int("BENCH_SECONDS", 20)
    shape = (
        signers,
        seconds,
        env_int("BENCH_GUNICORN_WORKERS", 6),
        env_int("BENCH_GUNICORN_THREADS", 2),
        env_int("BENCH_EMAIL_WORKERS", 2),
    )
    _, gunicorn_workers, gunicorn_threads, email_workers = shape[1:]
    warm_up_seconds = env_int("BENCH_WARM_UP_SECONDS", 5)

    sys.path.insert(0, str(ROOT))
    url, bench_config, admin_config = database_urls(DB_NAME)
    recreate_database(admin_config)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.bench",
        "DATABASE_URL": url,
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{port}",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("SECRET_KEY", None)
    print(f"Database {DB_NAME}: migrating and creating one petition...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    setup = subprocess.run(
        [PY, "manage.py", "shell", "-v0", "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    (_, warm_up_path), (petition_id, petition_path) = [
        line.split()[1:3] for line in setup.stdout.splitlines() if line.startswith("PETITION ")
    ]

    embedded = not os.environ.get("DATABASE_URL")
    modes = [True, False] if embedded and os.environ.get("BENCH_NON_DURABLE", "1") != "0" else [True]
    outcome = {}
    try:
        for durable in modes:
            if embedded:
                from nnirr_site import embedded_postgres

                embedded_postgres.restart(durable=durable)
            if warm_up_seconds and durable == modes[0]:
                # A live site's database has statistics (autovacuum analyses it); a new one has none, and
                # without them PostgreSQL plans the email workers' "next task" query by reading every task.
                print(f"Warming up for {warm_up_seconds} s on a second petition, then ANALYZE...", flush=True)
                run_load(env, bench_config, port, (signers, warm_up_seconds, *shape[2:]), supporter, (warm_up_path, 0))
                conn = open_connection(bench_config)
                query_row(conn, "ANALYZE")  # the planner's statistics for the whole database, as autovacuum gathers them
                conn.close()
            if not embedded:
                title = "commits as the server of DATABASE_URL is configured"
            elif durable:
                title = "DURABLE commits (PostgreSQL's defaults, as in production): the headline"
            else:
                title = "non-durable commits (fsync, synchronous_commit, full_page_writes off), for comparison only"
            print(f"\n=== {title} ===", flush=True)
            # Each pass has its own supporters (addresses and emails), so the second is not "already signed".
            first = 100 * len(outcome)
            outcome[durable] = measure(env, bench_config, port, shape, petition_id, petition_path, warm_up_path, first)
    finally:
        if embedded:
            embedded_postgres.restart(durable=False)  # back to the development and test settings

    print("\n=== summary ===")
    failed = False
    for durable, (completed, p99, checks, empty_rate, cpu, bare_rate, min_rate) in outcome.items():
        label = "durable" if durable else "non-durable"
        ratio = completed / empty_rate if empty_rate else float("nan")
        print(f"{label:<12} real flow {completed:6.1f}/s   empty flow {empty_rate or float('nan'):6.1f}/s   "
              f"ratio {ratio:5.2f}   p99 {p99 * 1000:6.1f} ms   totals {'exact' if all(checks.values()) else 'WRONG'}")
        if all(cpu[:2]):
            # CPU per signature depends far less on what else the machine runs than a rate does.
            print(f"{'':<12} CPU per completed signature: real flow {cpu[0]:5.1f} ms   empty flow {cpu[1]:5.1f} ms   "
                  f"ratio {cpu[1] / cpu[0]:5.2f}")
        if bare_rate and cpu[2]:
            print(f"{'':<12} textbook flow {bare_rate:6.1f}/s (ratio {bare_rate / empty_rate:5.2f}), "
                  f"CPU {cpu[2]:5.1f} ms per signature (ratio {cpu[1] / cpu[2]:5.2f})")
        if min_rate and cpu[3]:
            print(f"{'':<12} minimum flow  {min_rate:6.1f}/s (ratio {min_rate / empty_rate:5.2f}), "
                  f"CPU {cpu[3]:5.1f} ms per signature (ratio {cpu[1] / cpu[3]:5.2f})")
            print(f"{'':<12} real flow / minimum flow: rate {completed / min_rate:5.2f}, "
                  f"CPU {cpu[3] / cpu[0]:5.2f}")
        failed = failed or not all(checks.values())
    completed, p99, checks, empty_rate, *_ = outcome[True]
    if empty_rate:
        met = completed >= 0.70 * empty_rate and p99 < 0.5 and all(checks.values())
        print(
            f"target (durable: real flow ≥ 70% of the empty flow, p99 < 500 ms, exact totals): "
            f"{'met' if met else 'NOT met'}"
        )
    return 1 if failed else 0


def bare_totals(bench_config, minimum=False):
    """Stored and confirmed signatures of the textbook flow (or the minimum flow)."""
    conn = open_connection(bench_config)
    totals = query_row(conn, "SELECT count(*), count(confirmed_at) FROM bench_bare_signature "
                             "WHERE NOT warm_up AND minimum = %s", [minimum])
    conn.close()
    return totals


def petition_totals(bench_config, petition_id):
    """Stored, counted and flagged signatures of the petition, and its tally."""
    conn = open_connection(bench_config)
    stored, counted, flagged = query_row(
        conn,
        "SELECT count(*), count(counted_at), count(*) FILTER (WHERE flag <> '') FROM petitions_signature "
        "WHERE petition_id = %s",
        [petition_id],
    )
    (tally,) = query_row(
        conn,
        "SELECT coalesce(sum(t.counted), 0) FROM petitions_tallyshard t JOIN wagtailcore_page p "
        "ON p.translation_key = t.petition_key WHERE p.id = %s",
        [petition_id],
    )
    conn.close()
    return stored, counted, flagged, tally


def measure(env, bench_config, port, shape, petition_id, petition_path, warm_up_path, first_supporter=0):
    """One pass: the real flow on the petition and (unless BENCH_EMPTY_FLOW=0) the empty flow, in alternating rounds.

    ``BENCH_ROUNDS`` (2) rounds of each flow, ``BENCH_SECONDS`` split between them, real then empty:
    when the machine's load changes during the pass, both flows see it, as in the page benchmark's
    side-by-side mode. Returns (completed signatures/s, p99 in seconds, checks, empty flow's
    completed/s or None).
    """
    signers, seconds, gunicorn_workers, gunicorn_threads, email_workers = shape
    rounds = max(1, env_int("BENCH_ROUNDS", 2))
    with_empty = os.environ.get("BENCH_EMPTY_FLOW", "1") != "0"
    with_bare = with_empty and os.environ.get("BENCH_TEXTBOOK_FLOW", "1") != "0"
    with_min = with_empty and os.environ.get("BENCH_MINIMUM_FLOW", "1") != "0"
    round_shape = (signers, seconds / rounds, gunicorn_workers, gunicorn_threads, email_workers)
    print(
        f"{signers} supporters against gunicorn ({gunicorn_workers} workers × {gunicorn_threads} threads) and "
        f"{email_workers} email workers on {HOST}:{port}: {rounds} rounds of {seconds / rounds:.0f} s of the real flow"
        + (" alternating with the empty flow (the same three requests through the same middleware, signing "
           "replaced by queueing a task that does nothing: the stack's ceiling)" if with_empty else "")
        + (" and the textbook flow (bench/urls.py)" if with_bare else "")
        + (" and the minimum flow" if with_min else "") + "...",
        flush=True,
    )
    before = petition_totals(bench_config, petition_id)
    # The flows on the benchmark's own table: (name, heading, page, warm-up page, first serial, minimum).
    table_flows = [flow for flow, wanted in (
        (("textbook", "Textbook flow (the minimum duties, bench/urls.py)", BARE_PATH, BARE_WARM_UP_PATH, 50000, False),
         with_bare),
        (("minimum", "Minimum flow (the textbook flow, its form page rendered once per process)", MIN_PATH,
          MIN_WARM_UP_PATH, 70000, True), with_min),
    ) if wanted]
    table_before = {flow[0]: bare_totals(bench_config, minimum=flow[5]) for flow in table_flows}
    real, empty = Results(), Results()
    table_results = {flow[0]: Results() for flow in table_flows}
    table_elapsed = dict.fromkeys(table_results, 0.0)
    real_elapsed = empty_elapsed = 0.0
    for number in range(rounds):
        results, elapsed = run_load(
            env, bench_config, port, round_shape, supporter, (petition_path, number * 5000), first_supporter,
            warm_args=(warm_up_path, 90000 + number * 1000),
        )
        real.merge(results)
        real_elapsed += elapsed
        line = f"  round {number + 1}: real {results.confirmed / elapsed:6.1f}/s"
        if with_empty:
            results, elapsed = run_load(env, bench_config, port, round_shape, empty_supporter, (), first_supporter,
                                        warm_args=())
            empty.merge(results)
            empty_elapsed += elapsed
            line += f"   empty {results.confirmed / elapsed:6.1f}/s"
        for index, (name, _heading, path, warm_path, serial, _minimum) in enumerate(table_flows):
            results, elapsed = run_load(
                env, bench_config, port, round_shape, supporter, (path, serial + number * 5000), first_supporter,
                warm_args=(warm_path, 95000 + index * 2000 + number * 1000),
            )
            table_results[name].merge(results)
            table_elapsed[name] += elapsed
            line += f"   {name} {results.confirmed / elapsed:6.1f}/s"
        print(line + f"   (load {os.getloadavg()[0]:.1f})", flush=True)
    stored, counted, flagged, tally = (after - earlier for after, earlier in zip(petition_totals(bench_config, petition_id), before))

    print("\nReal flow:")
    completed, p99 = report(real, real_elapsed, seconds)
    print(f"database: {stored} stored, {counted} counted, {flagged} flagged, tally +{tally}")
    checks = {
        "every posted signature is stored once": stored == real.signed,
        "every confirmed signature is counted once": counted == real.confirmed,
        "the tally equals the counted signatures": tally == counted,
        "no request failed": not real.errors,
    }
    for name, passed in checks.items():
        print(f"  [{'ok' if passed else 'FAILED'}] {name}")
    for error in real.errors:
        print(f"  error: {error}")

    empty_rate = None
    if with_empty:
        print("\nEmpty flow (the stack's ceiling):")
        empty_rate, _ = report(empty, empty_elapsed, seconds, "empty signatures")
        for error in empty.errors:
            print(f"  error: {error}")
        checks["the empty flow ran without errors"] = not empty.errors
    rates = {}
    for name, heading, _path, _warm_path, _serial, minimum in table_flows:
        flow = table_results[name]
        print(f"\n{heading}:")
        rates[name], _ = report(flow, table_elapsed[name], seconds, f"{name} signatures")
        stored, confirmed = (after - earlier for after, earlier in
                             zip(bare_totals(bench_config, minimum=minimum), table_before[name]))
        print(f"database: {stored} stored, {confirmed} confirmed")
        for error in flow.errors:
            print(f"  error: {error}")
        checks[f"the {name} flow stored and confirmed each signature once, without errors"] = (
            stored == flow.signed and confirmed == flow.confirmed and not flow.errors
        )
    cpu = tuple(
        sum(flow.cpu.values()) * 1000 / flow.confirmed if flow is not None and flow.confirmed and flow.cpu else None
        for flow in (real, empty, table_results.get("textbook"), table_results.get("minimum"))
    )
    bare_rate, min_rate = rates.get("textbook"), rates.get("minimum")
    return completed, p99, checks, empty_rate, cpu, bare_rate, min_rate


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
