"""Email list benchmark: digest send throughput to a local SMTP sink, and a 20,000-recipient send killed halfway.

What it does, all on loopback:

1. (Re)creates the database ``nnirr_bench_email_list`` (never the development or a test database),
   migrates it and writes ``BENCH_DIGEST_RECIPIENTS`` (20,000) confirmed subscribers on one list and
   the first ``BENCH_DIGEST_THROUGHPUT`` (5,000) of them also on a second list, each list with a
   digest of four items (rendered as in production: text + HTML, both List-Unsubscribe headers).
2. Starts an SMTP sink (aiosmtpd) in a process of its own, so its CPU is not the worker's; it
   appends one line per accepted message (time, recipient) to a file. Its CPU time is reported.
3. Throughput: starts the throughput digest's send and one real worker process
   (``manage.py db_worker --backend petitions``, production settings over SMTP), and measures
   emails per second between the sink's first and last accepted message (and from the worker's
   start, which includes Django's start-up). Target: at least 50 emails/s.
4. Kill: starts the 20,000-recipient send with a new worker, SIGKILLs it once the sink has taken
   half, starts another worker, waits for the digest to finish, and counts at the sink by
   recipient: delivered, duplicates (recipients with more than one message) and misses (none).
   The rule in ``email_list/sending.py`` is at-most-once: a recipient whose row the killed worker
   had handed over but whose final "." it had not yet written is the only possible miss (at most
   one per kill); the benchmark reports it by name if it happens. Target: 0 duplicates, 0 misses.

The workers run with ``TASK_WORKER_STALE_SECONDS=5`` (production: 30) so the second worker takes
the killed one's task back after 5 s rather than 30; the wait is reported and not counted in the rate.

Usage: ``python bench/run.py email_list``; environment: ``BENCH_DIGEST_RECIPIENTS`` (20000),
``BENCH_DIGEST_THROUGHPUT`` (5000), ``EMAIL_LIST_BATCH_SIZE`` (100), ``EMAIL_LIST_SEND_TASKS`` (1).
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.server import HOST, PY, ROOT, connect, database_urls, env_int, free_port

DB_NAME = "nnirr_bench_email_list"
TARGET_PER_SECOND = 50

SINK = r"""
import asyncio, signal, sys, time
from aiosmtpd.controller import Controller

out = open(sys.argv[2], "a", buffering=1)

class Sink:
    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            out.write(f"{time.time():.4f} {address}\n")
        return "250 Message accepted for delivery"

controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
out.close()
"""

SETUP = """
import datetime
from django.db import transaction
from email_list.models import Digest, DigestItem, MailingList, Subscriber, Subscription
COUNT, THROUGHPUT = {count}, {throughput}
with transaction.atomic():
    kill_list = MailingList.objects.create(name="Bench news (kill)")
    rate_list = MailingList.objects.create(name="Bench news (throughput)")
    subscribers = Subscriber.objects.bulk_create([
        Subscriber(email=f"reader{{n}}@example.org", email_key=f"reader{{n}}@example.org",
                   first_name=f"Reader {{n}}", language="en")
        for n in range(COUNT)], batch_size=5000)
    Subscription.objects.bulk_create([Subscription(subscriber=s, mailing_list=kill_list) for s in subscribers],
                                     batch_size=5000)
    Subscription.objects.bulk_create([Subscription(subscriber=s, mailing_list=rate_list)
                                      for s in subscribers[:THROUGHPUT]], batch_size=5000)
    for mailing_list in (kill_list, rate_list):
        digest = Digest.objects.create(mailing_list=mailing_list, language="en", subject="Network News, October 2026",
                                       period_start=datetime.date(2026, 10, 1), period_end=datetime.date(2026, 10, 31),
                                       intro="Dear friends,\\n\\nHere is what the network did this month.")
        for n, kind in enumerate(["post", "post", "resource", "event"]):
            DigestItem.objects.create(digest=digest, kind=kind, title=f"Item {{n}}: news from the border",
                                      summary="Two sentences about it. " * 3,
                                      url=f"https://nnirr.example.org/blog/item-{{n}}/", sort_order=n)
        print("DIGEST", mailing_list.name, digest.pk)
"""

START = """
from email_list import sending
from email_list.models import Digest
from email_list.tasks import send_digest
assert sending.start(Digest.objects.get(pk={digest}), "bench", send_digest)
"""


def shell(env, code):
    done = subprocess.run([PY, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    return done.stdout


def recreate_database(admin_config):
    conn = connect(admin_config)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {DB_NAME}")
    conn.close()


def cpu_seconds(pid):
    """User + system CPU seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Sink:
    """The SMTP sink process and the file of what it accepted."""

    def __init__(self, folder):
        self.port = free_port()
        self.path = Path(folder) / "delivered.txt"
        self.path.touch()
        self.process = subprocess.Popen([PY, "-c", SINK, str(self.port), str(self.path)], stdout=subprocess.PIPE,
                                        text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def lines(self):
        return [line.split(" ", 1) for line in self.path.read_text().splitlines() if line.endswith("example.org")]

    def count(self):
        with open(self.path, "rb") as handle:
            return sum(1 for _ in handle)

    def cpu(self):
        return cpu_seconds(self.process.pid)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=15)


def start_worker(env, log_path, number):
    log = open(log_path, "a")
    return subprocess.Popen(
        [PY, "manage.py", "db_worker", "--backend", "petitions", "--no-reload", "--no-startup-delay",
         "--interval", "0.1", "--worker-id", f"bench-email-{number}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise RuntimeError(f"Timed out waiting for {what}")


def status(config, digest):
    """The digest's status and its rows per state, read straight from the database (no Django start-up)."""
    conn = connect(config)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT status FROM email_list_digest WHERE id = %s", [digest])
            state = cursor.fetchone()[0]
            cursor.execute("SELECT state, count(*) FROM email_list_digestsend WHERE digest_id = %s GROUP BY state "
                           "ORDER BY state", [digest])
            return state, dict(cursor.fetchall())
    finally:
        conn.close()


def main(argv):
    count = env_int("BENCH_DIGEST_RECIPIENTS", 20000)
    throughput_count = min(env_int("BENCH_DIGEST_THROUGHPUT", 5000), count)
    sys.path.insert(0, str(ROOT))
    url, bench_config, admin = database_urls(DB_NAME)
    recreate_database(admin)
    folder = tempfile.mkdtemp(prefix="nnirr-bench-email-list-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.production",
        "SECRET_KEY": "bench-fixed-secret-key-used-only-on-loopback-for-make-bench-0123456789",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": url,
        "CACHE_DIR": folder,
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": HOST,
        "TASK_WORKER_HEARTBEAT_SECONDS": "1",
        "TASK_WORKER_STALE_SECONDS": "5",
        "PYTHONUNBUFFERED": "1",
    }
    print(f"Database {DB_NAME}: migrating and writing {count} subscribers...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    digests = {}
    for line in shell(env, SETUP.format(count=count, throughput=throughput_count)).splitlines():
        if line.startswith("DIGEST"):
            name, pk = line[len("DIGEST "):].rsplit(" ", 1)
            digests["kill" if "kill" in name else "rate"] = int(pk)

    ok = True
    # --- 1. Throughput --------------------------------------------------------------------------
    rate_folder = Path(folder) / "rate"
    rate_folder.mkdir()
    sink = Sink(rate_folder)
    worker_env = {**env, "EMAIL_PORT": str(sink.port)}
    try:
        shell(worker_env, START.format(digest=digests["rate"]))
        started = time.time()
        worker = start_worker(worker_env, rate_folder / "worker.log", 0)
        try:
            wait_for(lambda: sink.count() >= throughput_count, timeout=max(120, throughput_count / 10),
                     what="the throughput digest")
            worker_cpu = cpu_seconds(worker.pid)
            sink_cpu = sink.cpu()
        finally:
            stop(worker)
        lines = sink.lines()
    finally:
        sink.stop()
    times = sorted(float(stamp) for stamp, _address in lines)
    steady = (len(times) - 1) / (times[-1] - times[0])
    overall = len(times) / (times[-1] - started)
    per_recipient = Counter(address for _stamp, address in lines)
    rate_duplicates = sum(1 for value in per_recipient.values() if value > 1)
    print(f"\nThroughput: {len(times)} digest emails, one worker process, "
          f"batches of {os.environ.get('EMAIL_LIST_BATCH_SIZE', '100')} over one SMTP connection")
    print(f"  {steady:.0f} emails/s from the first to the last accepted message "
          f"({times[-1] - times[0]:.1f} s); {overall:.0f} emails/s counting the worker's start-up")
    print(f"  CPU seconds: worker {worker_cpu:.1f}, SMTP sink (own process) {sink_cpu:.1f}; "
          f"worker CPU per email {worker_cpu / len(times) * 1000:.2f} ms")
    met = steady >= TARGET_PER_SECOND
    ok &= met and rate_duplicates == 0 and len(per_recipient) == throughput_count
    print(f"  [{'ok' if met else 'MISSED'}] {steady:.0f} emails/s (target >= {TARGET_PER_SECOND}); "
          f"{len(per_recipient)} of {throughput_count} recipients, {rate_duplicates} with more than one")

    # --- 2. A worker killed halfway -------------------------------------------------------------
    kill_folder = Path(folder) / "kill"
    kill_folder.mkdir()
    sink = Sink(kill_folder)
    worker_env = {**env, "EMAIL_PORT": str(sink.port)}
    try:
        shell(worker_env, START.format(digest=digests["kill"]))
        started = time.time()
        first = start_worker(worker_env, kill_folder / "worker-1.log", 1)
        try:
            wait_for(lambda: sink.count() >= count // 2, timeout=max(300, count / 10), what="half of the digest")
            first.send_signal(signal.SIGKILL)
            first.wait()
        finally:
            stop(first)
        killed_at, at_kill = time.time(), sink.count()
        second = start_worker(worker_env, kill_folder / "worker-2.log", 2)
        try:
            wait_for(lambda: sink.count() > at_kill, timeout=120, what="the second worker's first email")
            resumed_at = time.time()
            wait_for(lambda: status(bench_config, digests["kill"])[0] == "sent", timeout=max(300, count / 10),
                     what="the rest of the digest")
            finished_at = time.time()
        finally:
            stop(second)
        time.sleep(0.5)
        lines = sink.lines()
    finally:
        sink.stop()
    state, counts = status(bench_config, digests["kill"])
    per_recipient = Counter(address for _stamp, address in lines)
    expected = {f"reader{n}@example.org" for n in range(count)}
    duplicates = sorted(address for address, value in per_recipient.items() if value > 1)
    misses = sorted(expected - set(per_recipient))
    strangers = sorted(set(per_recipient) - expected)
    print(f"\nKill: {count} recipients; worker SIGKILLed after {at_kill} accepted messages, a new worker started")
    print(f"  the new worker sent its first email {resumed_at - killed_at:.1f} s after the kill "
          f"(TASK_WORKER_STALE_SECONDS=5); whole send {finished_at - started:.1f} s")
    print(f"  digest {state}; rows: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    print(f"  at the sink: {len(per_recipient)} recipients delivered, {len(lines)} messages, "
          f"{len(duplicates)} duplicates, {len(misses)} misses" + (f" ({', '.join(misses[:5])})" if misses else ""))
    if misses:
        print("  (a miss is a row the killed worker handed over before writing its final '.': the at-most-once "
              "window of email_list/sending.py, at most one per kill)")
    met = not duplicates and not strangers and state == "sent"
    ok &= met and not misses
    print(f"  [{'ok' if met and not misses else 'MISSED'}] duplicates {len(duplicates)} (target 0), "
          f"misses {len(misses)} (target 0)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
