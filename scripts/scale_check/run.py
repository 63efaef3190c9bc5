"""`make scale-check`: the README's "Running at scale" on real servers, on this machine.

Starts, as this user's own processes on free high ports with everything under one temporary folder:
Redis (``redis-server``, no persistence), two gunicorn instances of the site with
``nnirr_site.settings.scale_check`` (production settings, DEBUG off) sharing that Redis as the
Django cache and the ``scale_check`` database on the embedded PostgreSQL server, and nginx with
``proxy_cache`` in front of both (``nginx.conf.template``: a PURGE from 127.0.0.1, which
``wagtail.contrib.frontend_cache``'s HTTPBackend sends on publish, refetches the page past the cache). Then checks, each
printed PASS or FAIL:

1. an anonymous page is served by nginx from its cache (X-Cache-Status: HIT) without reaching
   either gunicorn (their access logs do not grow);
2. what must not be cached is not: the admin, a petition page (it sets the CSRF cookie), a petition
   POST, search, and any request with a session cookie;
3. publishing a page (a Wagtail revision published in ``manage.py shell`` on these settings) is
   visible within 2 seconds through nginx and directly on both gunicorns;
4. a petition signed on instance A (a real form POST with CSRF and the form stamp), confirmed via
   the link in the emailed file after the worker (``db_worker --backend petitions --batch``) sent it,
   is counted on instance B and through nginx;
5. requests per second of a cached page through nginx, as a ratio to nginx serving the same HTML as
   a static file (``wrk``, same connections, interleaved rounds); target ≥ 50%.

Exits 1 if any check fails; every process it started is stopped on the way out. The shared
PostgreSQL server is only used, never stopped. ``SCALE_CHECK_FRESH=1`` recreates the database
(otherwise an existing ``scale_check`` database is migrated and reused); ``SCALE_CHECK_SECONDS``
(5) is the length of each wrk round, ``SCALE_CHECK_ROUNDS`` (3) their number.
"""

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.server import HOST, PY, connect, database_urls, free_port  # noqa: E402

DB_NAME = "scale_check"
HERE = Path(__file__).resolve().parent
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_INPUT = re.compile(r'name="started" value="([^"]+)"')
CONFIRM_LINK = re.compile(r"https?://[^\s\"<>]+/confirm/[A-Za-z0-9_-]+/")
COUNT = re.compile(r'class="petition-progress__count"[^>]*>\s*<strong>([\d,.\s]+)</strong>')

FIND_PAGES = """
from wagtail.models import Page, Locale
from campaigns.petitions.models import PetitionPage
from nnirr_site.core.models import StandardPage
en = Locale.objects.get(language_code="en")
page = StandardPage.objects.live().filter(locale=en).exclude(slug="privacy").order_by("path").first()
print("PAGE", page.pk, page.url)
for petition in PetitionPage.objects.live().filter(locale=en).order_by("path"):
    if not petition.is_closed:
        print("PETITION", petition.pk, petition.url)
        break
"""

PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(pk=PK).specific
page.title = TITLE
page.save_revision().publish()
print("PUBLISHED")
"""


class Check:
    def __init__(self):
        self.results = []

    def __call__(self, name, ok, detail=""):
        self.results.append((name, bool(ok)))
        print(f"{'PASS' if ok else 'FAIL'}  {name}{f' — {detail}' if detail else ''}", flush=True)
        return ok


def request(port, method, path, host, form=None, cookies=None, headers=None):
    """One HTTP request; ``(status, headers dict (lower-case names), body text, set-cookies dict)``."""
    sent = {"Host": host, "User-Agent": "nnirr-scale-check", **(headers or {})}
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        got = {name.lower(): value for name, value in response.getheaders()}
        set_cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                set_cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status, got, data, set_cookies
    finally:
        conn.close()


def wait_for(port, host, timeout=90):
    limit = time.monotonic() + timeout
    while time.monotonic() < limit:
        try:
            if request(port, "GET", "/robots.txt", host)[0] < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"nothing answers on port {port}")


def log_lines(path):
    time.sleep(0.3)  # gunicorn writes the access log line after the response has gone
    try:
        return sum(1 for _ in open(path, encoding="utf-8", errors="replace"))
    except FileNotFoundError:
        return 0


def shell(env, code):
    done = subprocess.run([PY, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"manage.py shell failed:\n{done.stderr[-2000:]}")
    return done.stdout


def prepare_database(env, admin_config):
    conn = connect(admin_config)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME])
        exists = cursor.fetchone() is not None
        fresh = os.environ.get("SCALE_CHECK_FRESH") == "1" or not exists
        if fresh:
            cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {DB_NAME}")
    conn.close()
    print(f"Database {DB_NAME}: migrating{' and loading the demo content' if fresh else ''}...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    if fresh:
        # The demo content is built for the site's default address and with a file cache of its own (with a
        # fresh Redis, email_list's demo failed: a page without a URL); the Site record is pointed at nginx after.
        plain = {key: value for key, value in env.items()
                 if key not in ("SITE_URL", "WAGTAILADMIN_BASE_URL", "REDIS_URL", "FRONTEND_CACHE_URLS")}
        plain["CACHE_DIR"] = tempfile.mkdtemp(prefix="nnirr-scale-check-load-")
        loaded = subprocess.run([PY, "manage.py", "load_demo_content", "-v0"], cwd=ROOT, env=plain,
                                stdout=subprocess.DEVNULL)
        shutil.rmtree(plain["CACHE_DIR"], ignore_errors=True)
        if loaded.returncode:
            conn = connect(admin_config)
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            conn.close()
            raise RuntimeError("load_demo_content failed (the database was dropped, the next run starts afresh)")


def wrk_rps(port, path, seconds, connections, host):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", f"Host: {host}", f"http://{HOST}:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, int(bad.group(1)) if bad else 0


def count_on(port, path, host):
    status, _, body, _ = request(port, "GET", path, host)
    match = COUNT.search(body)
    return int(re.sub(r"\D", "", match.group(1))) if status == 200 and match else None


def main():
    for program in ("nginx", "redis-server", "wrk"):
        if not shutil.which(program) and not Path(f"/usr/sbin/{program}").exists():
            print(f"{program} is missing: run `make scale-check` (it installs nginx-light, redis-server, wrk).")
            return 2
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    tmp = Path(tempfile.mkdtemp(prefix="nnirr-scale-check-"))
    (tmp / "static").mkdir()
    (tmp / "mail").mkdir()
    redis_port, port_a, port_b, port = free_port(), free_port(), free_port(), free_port()
    while len({redis_port, port_a, port_b, port}) < 4:
        port = free_port()
    host = f"{HOST}:{port}"
    url, db_config, admin_config = database_urls(DB_NAME)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nnirr_site.settings.scale_check",
        "DATABASE_URL": url,
        "REDIS_URL": f"redis://{HOST}:{redis_port}/0",
        "SITE_URL": f"http://{host}",
        "WAGTAILADMIN_BASE_URL": f"http://{host}",
        "FRONTEND_CACHE_URLS": f"http://{host}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SCALE_CHECK_MAIL_DIR": str(tmp / "mail"),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("SECRET_KEY", None)
    processes = []
    check = Check()

    def start(name, argv, **kwargs):
        log = open(tmp / f"{name}.out", "w")
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, **kwargs)
        processes.append((name, process))
        return process

    try:
        start("redis", ["redis-server", "--port", str(redis_port), "--bind", HOST, "--dir", str(tmp),
                        "--save", "", "--appendonly", "no", "--protected-mode", "yes"])
        prepare_database(env, admin_config)
        found = shell(env, FIND_PAGES).split("\n")
        page_pk, page_path = next(line.split()[1:3] for line in found if line.startswith("PAGE "))
        petition_path = next((line.split()[2] for line in found if line.startswith("PETITION ")), None)
        shell(env, f"from wagtail.models import Site; Site.objects.filter(is_default_site=True)"
                   f".update(hostname='{HOST}', port={port})")
        page_path = urllib.parse.urlsplit(page_path).path
        petition_path = urllib.parse.urlsplit(petition_path).path if petition_path else None

        for name, gport in (("gunicorn-a", port_a), ("gunicorn-b", port_b)):
            start(name, [PY, "-m", "gunicorn", "nnirr_site.wsgi:application", "--bind", f"{HOST}:{gport}",
                         "--workers", "2", "--threads", "2", "--worker-class", "gthread",
                         "--access-logfile", str(tmp / f"{name}.access.log"),
                         "--control-socket", str(tmp / f"{name}.ctl")])
        (tmp / "nginx.conf").write_text(
            (HERE / "nginx.conf.template").read_text().format(tmp=tmp, port=port, port_a=port_a, port_b=port_b,
                                                        user_line="user root root;" if os.geteuid() == 0 else "")
        )
        subprocess.run([nginx, "-t", "-q", "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "nginx-error.log")],
                       check=True)
        start("nginx", [nginx, "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "nginx-error.log")])
        for gport in (port_a, port_b, port):
            wait_for(gport, host)
        logs = [tmp / "gunicorn-a.access.log", tmp / "gunicorn-b.access.log"]

        def app_requests():
            return sum(log_lines(path) for path in logs)

        print(f"nginx :{port} -> gunicorn :{port_a} and :{port_b}; Redis :{redis_port}; "
              f"PostgreSQL database {DB_NAME}; files in {tmp}\n", flush=True)

        # 1. An anonymous page from nginx's cache, gunicorn untouched.
        for path in ("/", page_path):
            request(port, "GET", path, host)
            statuses = [request(port, "GET", path, host)[1].get("x-cache-status") for _ in range(2)]
            before = app_requests()
            for _ in range(20):
                status, headers, _, _ = request(port, "GET", path, host)
                statuses.append(headers.get("x-cache-status"))
            reached = app_requests() - before
            check(f"anonymous {path} served from nginx's cache", set(statuses[1:]) == {"HIT"} and reached == 0,
                  f"X-Cache-Status {sorted(set(statuses))}, {reached} of 20 requests reached gunicorn")

        # 2. What must not be cached.
        def not_cached(label, method, path, **kwargs):
            seen = []
            before = app_requests()
            for _ in range(3):
                status, headers, _, _ = request(port, method, path, host, **kwargs)
                seen.append((status, headers.get("x-cache-status", "")))
            reached = app_requests() - before
            ok = all(cache_status != "HIT" for _, cache_status in seen) and reached == 3
            check(f"{label} not cached", ok, f"{seen[-1][0]} X-Cache-Status {sorted({c for _, c in seen})}, "
                                             f"{reached} of 3 reached gunicorn")

        not_cached("admin (/admin/)", "GET", "/admin/")
        not_cached("search (/search/?q=asylum)", "GET", "/search/?q=asylum")
        not_cached(f"a request with a session cookie ({page_path})", "GET", page_path,
                   cookies={"sessionid": "scale-check-not-a-session"})
        if petition_path:
            not_cached(f"petition page with its form ({petition_path})", "GET", petition_path)
            not_cached("petition POST", "POST", petition_path, form={"first_name": "x"})

        # 3. Publish on instance 1 (its settings, its shell); visible everywhere within 2 s.
        marker = f"Scale check {time.strftime('%H%M%S')}"
        started = time.monotonic()
        out = shell({**env}, PUBLISH.replace("PK", page_pk).replace("TITLE", repr(marker)))
        published_in = time.monotonic() - started
        seen = {}
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and len(seen) < 3:
            for label, target in (("nginx", port), ("gunicorn A", port_a), ("gunicorn B", port_b)):
                if label not in seen:
                    status, headers, body, _ = request(target, "GET", page_path, host)
                    if marker in body:
                        seen[label] = (time.monotonic() - started - published_in, headers.get("x-cache-status", "-"))
            time.sleep(0.05)
        check("publish visible through nginx and on both gunicorns within 2 s", "PUBLISHED" in out and len(seen) == 3,
              ", ".join(f"{label} after {after:.2f} s ({cache_status})" for label, (after, cache_status)
                        in sorted(seen.items())) or "not seen")
        statuses = [request(port, "GET", page_path, host)[1].get("x-cache-status") for _ in range(2)]
        check("the published page is cached again by nginx", statuses[-1] == "HIT", f"X-Cache-Status {statuses}")

        # 4. Sign on A, confirm by the emailed link, counted on B and through nginx.
        if petition_path:
            before_b = count_on(port_b, petition_path, host)
            cookies = {}
            status, _, body, set_cookies = request(port_a, "GET", petition_path, host,
                                                   headers={"X-Forwarded-For": "10.77.0.1"})
            cookies.update(set_cookies)
            csrf, stamp = CSRF_INPUT.search(body), STARTED_INPUT.search(body)
            time.sleep(1.2)  # SUPPORTER_MIN_FILL_SECONDS in the scale-check settings
            address = f"scale-check-{time.strftime('%H%M%S')}@example.org"
            form = {"csrfmiddlewaretoken": csrf.group(1) if csrf else "", "started": stamp.group(1) if stamp else "",
                    "first_name": "Scale", "last_name": "Check", "email": address, "postal_code": "94612",
                    "country": "US", "consent": "on", "website": ""}
            status, headers, body, set_cookies = request(port_a, "POST", petition_path, host, form=form,
                                                         cookies=cookies, headers={"X-Forwarded-For": "10.77.0.1",
                                                                                   "Origin": f"http://{host}"})
            cookies.update(set_cookies)
            check("petition signed on instance A (form POST with CSRF and stamp)", status == 303,
                  f"answered {status} {headers.get('location', '')}")
            subprocess.run([PY, "manage.py", "db_worker", "--backend", "petitions", "--batch"], cwd=ROOT, env=env,
                           check=True, capture_output=True)
            link = None
            for mail in sorted((tmp / "mail").iterdir()):
                text = mail.read_text(encoding="utf-8", errors="replace")
                if address in text and CONFIRM_LINK.search(text):
                    link = CONFIRM_LINK.search(text).group(0)
            check("the worker sent the confirmation email (file backend)", link, link or "no email with a link")
            if link:
                confirm_path = urllib.parse.urlsplit(link).path
                # The confirmation link opens a page with a button (POST-only): through nginx, as a visitor would.
                status, _, body, set_cookies = request(port, "GET", confirm_path, host, cookies=cookies)
                cookies.update(set_cookies)
                csrf = CSRF_INPUT.search(body)
                status, _, _, _ = request(port, "POST", confirm_path, host, cookies=cookies,
                                          form={"csrfmiddlewaretoken": csrf.group(1) if csrf else cookies.get("csrftoken", "")},
                                          headers={"Origin": f"http://{host}", "X-Forwarded-For": "10.77.0.1"})
                check("signature confirmed through nginx", status == 200, f"answered {status}")
                counted = {}
                deadline = time.monotonic() + 15
                while time.monotonic() < deadline and len(counted) < 2:
                    for label, target in (("gunicorn B", port_b), ("nginx", port)):
                        if label not in counted and before_b is not None:
                            number = count_on(target, petition_path, host)
                            if number == before_b + 1:
                                counted[label] = time.monotonic() - deadline + 15
                    time.sleep(0.2)
                check("the new signature is counted on instance B and through nginx", len(counted) == 2,
                      f"count {before_b} -> {before_b + 1 if before_b is not None else '?'}; " + ", ".join(
                          f"{label} after {after:.1f} s" for label, after in counted.items()))
        else:
            check("a live English petition in the demo content", False)

        # 5. rps of a cached page through nginx against the same HTML as a static file.
        _, _, html, _ = request(port, "GET", "/", host)
        (tmp / "static" / "scale-check-static.html").write_text(html)
        seconds = int(os.environ.get("SCALE_CHECK_SECONDS", "5"))
        rounds = int(os.environ.get("SCALE_CHECK_ROUNDS", "3"))
        connections = 32
        cached, static = [], []
        wrk_rps(port, "/", 1, connections, host)
        wrk_rps(port, "/scale-check-static.html", 1, connections, host)
        before = app_requests()
        for _ in range(rounds):
            cached.append(wrk_rps(port, "/", seconds, connections, host))
            static.append(wrk_rps(port, "/scale-check-static.html", seconds, connections, host))
        reached = app_requests() - before
        best_cached, best_static = max(r for r, _ in cached), max(r for r, _ in static)
        ratio = best_cached / best_static
        load = open("/proc/loadavg").read().split()[:3]
        print(f"      wrk -t2 -c{connections} -d{seconds}s, {rounds} interleaved rounds; load average {' '.join(load)}")
        print(f"      cached page / through nginx: {', '.join(f'{r:.0f}' for r, _ in cached)} req/s")
        print(f"      same HTML as a static file:  {', '.join(f'{r:.0f}' for r, _ in static)} req/s")
        check("cached page through nginx ≥ 50% of the static file's rps", ratio >= 0.5 and not any(
            bad for _, bad in cached + static), f"best {best_cached:.0f} / {best_static:.0f} req/s = {ratio:.0%}; "
                                                f"{reached} requests reached gunicorn during the load")
    except Exception as error:  # a crash is a failed check, reported with the processes' logs
        check("the scale check ran to the end", False, f"{type(error).__name__}: {error}")
        for name, _ in processes:
            out = tmp / f"{name}.out"
            if out.exists():
                print(f"--- {name} (last lines) ---\n" + "\n".join(out.read_text().splitlines()[-15:]))
    finally:
        for name, process in reversed(processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM if name != "nginx" else signal.SIGQUIT)
        for name, process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if os.environ.get("SCALE_CHECK_KEEP") != "1":
            shutil.rmtree(tmp, ignore_errors=True)
    failed = [name for name, ok in check.results if not ok]
    print(f"\nscale check: {len(check.results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
