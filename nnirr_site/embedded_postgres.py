"""Start and stop a project-local PostgreSQL server for development and tests.

When ``DATABASE_URL`` is not set, the settings call :func:`database_settings`,
which makes sure a private server is running from ``.pgdata/`` (git-ignored)
on a Unix socket in ``.pgdata/socket`` and returns Django's connection dict.
This way ``manage.py``, ``make run`` and the tests work with no environment
variables, always on real PostgreSQL (with the ``unaccent`` and ``pg_trgm``
extensions that Debian's server package ships).

PostgreSQL refuses to run as root, so when we are root the server runs as the
``postgres`` system user. Run ``python -m nnirr_site.embedded_postgres stop``
(or ``make db-stop``) to stop it.
"""

from __future__ import annotations

import fcntl
import glob
import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_ROOT = Path(os.environ.get("NNIRR_PGDATA_ROOT", BASE_DIR / ".pgdata"))
DB_NAME = "nnirr"
DB_USER = "nnirr"
PORT = 5432  # only names the socket file; the server listens on no TCP port


class EmbeddedPostgresError(RuntimeError):
    """The embedded server could not be found, initialised or started."""


def _find_bindir() -> Path:
    """Return the directory holding initdb/pg_ctl of the machine's PostgreSQL."""
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(os.environ["PG_BINDIR"])
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        candidates.append(str(Path(pg_ctl).resolve().parent))
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    raise EmbeddedPostgresError(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found.\n"
        "Install them with:  sudo apt-get install postgresql\n"
        "or set DATABASE_URL=postgres://user:password@host:5432/dbname to use another server."
    )


def _run_as_postgres() -> bool:
    return os.geteuid() == 0


def _socket_dir() -> Path:
    """The socket lives in the data root unless that path is too long for a socket."""
    preferred = DATA_ROOT / "socket"
    if len(str(preferred)) + len(f"/.s.PGSQL.{PORT}") < 100:
        return preferred
    digest = hashlib.sha1(str(DATA_ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"nnirr-pg-{digest}"


def _cluster_dir() -> Path:
    return DATA_ROOT / "cluster"


def _cmd(args: list[str]) -> list[str]:
    if _run_as_postgres():
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _chown_to_postgres(path: Path) -> None:
    if _run_as_postgres():
        entry = pwd.getpwnam("postgres")
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _check_postgres_user_can_reach(path: Path) -> None:
    if not _run_as_postgres():
        return
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise EmbeddedPostgresError(
            "Running as root needs the 'postgres' system user (apt-get install postgresql creates it)."
        ) from exc
    result = subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", str(path)], check=False)
    if result.returncode != 0:
        raise EmbeddedPostgresError(
            f"The postgres user cannot reach {path}. Clone the project somewhere every user can "
            "reach (for example /srv or /tmp), or set NNIRR_PGDATA_ROOT to such a folder."
        )


def _is_accepting() -> bool:
    sock_path = _socket_dir() / f".s.PGSQL.{PORT}"
    if not sock_path.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        try:
            sock.connect(str(sock_path))
        except OSError:
            return False
    return True


def _initdb(bindir: Path) -> None:
    cluster = _cluster_dir()
    cluster.mkdir(parents=True, exist_ok=True)
    _chown_to_postgres(cluster)
    os.chmod(cluster, 0o700)
    subprocess.run(
        _cmd(
            [
                str(bindir / "initdb"),
                "-D",
                str(cluster),
                "-U",
                DB_USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _start(bindir: Path) -> None:
    sock_dir = _socket_dir()
    sock_dir.mkdir(parents=True, exist_ok=True)
    _chown_to_postgres(sock_dir)
    log = DATA_ROOT / "server.log"
    log.touch()
    _chown_to_postgres(log)
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{sock_dir}' -p {PORT} "
        "-c max_connections=200 -c shared_buffers=128MB -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    subprocess.run(
        _cmd([str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "-l", str(log), "-o", options, "-w", "start"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _psql_admin(bindir: Path, sql: str) -> str:
    psql = bindir / "psql"
    if not psql.exists():
        psql = Path(shutil.which("psql") or "psql")
    result = subprocess.run(
        [str(psql), "-h", str(_socket_dir()), "-p", str(PORT), "-U", DB_USER, "-d", "postgres", "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def ensure_running() -> None:
    """Initialise and start the server if needed; safe to call from many processes."""
    if _is_accepting() and (_cluster_dir() / "PG_VERSION").exists():
        return
    bindir = _find_bindir()
    DATA_ROOT.mkdir(parents=True, exist_ok=True)
    os.chmod(DATA_ROOT, 0o755)
    _check_postgres_user_can_reach(DATA_ROOT)
    lock_path = DATA_ROOT / ".lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (_cluster_dir() / "PG_VERSION").exists():
            _initdb(bindir)
        if not _is_accepting():
            # A stale pid file from a killed server would stop pg_ctl start.
            pid_file = _cluster_dir() / "postmaster.pid"
            status = subprocess.run(
                _cmd([str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "status"]),
                check=False,
                capture_output=True,
            )
            if status.returncode != 0 and pid_file.exists():
                pid_file.unlink()
            _start(bindir)
            for _ in range(50):
                if _is_accepting():
                    break
                time.sleep(0.1)
        if _psql_admin(bindir, f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'") != "1":
            _psql_admin(bindir, f"CREATE DATABASE {DB_NAME}")


def stop() -> None:
    """Stop the server if it is running."""
    if not (_cluster_dir() / "PG_VERSION").exists():
        print("Embedded PostgreSQL: no cluster to stop.")
        return
    bindir = _find_bindir()
    result = subprocess.run(
        _cmd([str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "-m", "fast", "-w", "stop"]),
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode == 0:
        print("Embedded PostgreSQL stopped.")
    else:
        print("Embedded PostgreSQL was not running.")


def database_settings() -> dict:
    """Start the server if needed and return a Django DATABASES entry for it."""
    ensure_running()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DB_NAME,
        "USER": DB_USER,
        "HOST": str(_socket_dir()),
        "PORT": str(PORT),
    }


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "start"
    try:
        if command == "start":
            ensure_running()
            print(f"Embedded PostgreSQL is running (data in {_cluster_dir()}, socket in {_socket_dir()}).")
        elif command == "stop":
            stop()
        elif command == "status":
            print("running" if _is_accepting() else "stopped")
        else:
            print("usage: python -m nnirr_site.embedded_postgres [start|stop|status]", file=sys.stderr)
            return 2
    except EmbeddedPostgresError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
