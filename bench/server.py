"""What the benchmarks share: the bench databases, a free loopback port, starting and stopping servers."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"


def env_int(name, default):
    return int(os.environ.get(name, default))


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def database_urls(db_name):
    """The URL of bench database ``db_name``, and one for the same server's maintenance database."""
    import dj_database_url

    if os.environ.get("DATABASE_URL"):
        parsed = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
        bench = parsed._replace(path=f"/{db_name}").geturl()
        admin = parsed._replace(path="/postgres").geturl()
    else:
        from nnirr_site import embedded_postgres

        embedded_postgres.ensure_running()
        settings = embedded_postgres.database_settings()
        host = urllib.parse.quote(settings["HOST"], safe="")
        base = f"postgres://{settings['USER']}@{host}:{settings.get('PORT') or 5432}"
        bench, admin = f"{base}/{db_name}", f"{base}/postgres"
    return bench, dj_database_url.parse(bench), dj_database_url.parse(admin)


def connect(config):
    import psycopg2

    return psycopg2.connect(
        dbname=config["NAME"],
        user=config["USER"],
        password=config.get("PASSWORD") or None,
        host=config["HOST"],
        port=config.get("PORT") or 5432,
    )


def wait_for_http(port, timeout=60):
    limit = time.monotonic() + timeout
    while time.monotonic() < limit:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/robots.txt", headers={"Host": f"{HOST}:{port}"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def stop_all(processes):
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
