"""Start and stop a project-local PostgreSQL server for development and tests.

When ``DATABASE_URL`` is not set, the settings call :func:`database_settings`,
which makes sure a private server is running from ``.pgdata/`` (git-ignored)
on a Unix socket in ``.pgdata/socket`` and returns Django's connection dict.
This way ``manage.py``, ``make run`` and the tests work with no environment
variables, always on real PostgreSQL (with the ``unaccent`` and ``pg_trgm``
extensions that Debian's server package ships).

PostgreSQL refuses to run as root, so when we are root the server runs as the
``postgres`` system user. That user cannot enter a root-only folder (a root
home, a ``mktemp -d`` folder); a clone there keeps its cluster, log and socket
in a postgres-owned folder outside it instead: ``nnirr-pg-<hash of the data
root>`` in the postgres user's home (``/var/lib/postgresql`` on Debian), mode
0700, so only root and postgres reach its data and its password-less socket.
The choice depends only on the data root's path and folder permissions, so
every command and the settings find the same server.

``python -m nnirr_site.embedded_postgres stop`` (``make db-stop``) stops the
server; ``... reset`` (``make db-reset``) stops it and deletes its data.
"""

from __future__ import annotations

import fcntl
import glob
import hashlib
import os
import pwd
import shutil
import socket
import stat
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


def _postgres_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam("postgres")
    except KeyError as exc:
        raise EmbeddedPostgresError(
            "Running as root needs the 'postgres' system user (apt-get install postgresql creates it)."
        ) from exc


def _can_enter(user: pwd.struct_passwd, path: Path) -> bool:
    """Whether ``user`` may enter every existing folder from / down to ``path`` (by mode bits)."""
    groups = set(os.getgrouplist(user.pw_name, user.pw_gid))
    for folder in [*reversed(path.parents), path]:
        try:
            info = folder.stat()
        except FileNotFoundError:
            break  # created later by us, mode 0755
        if info.st_uid == user.pw_uid:
            allowed = info.st_mode & stat.S_IXUSR
        elif info.st_gid in groups:
            allowed = info.st_mode & stat.S_IXGRP
        else:
            allowed = info.st_mode & stat.S_IXOTH
        if not allowed:
            return False
    return True


def cluster_home(data_root: Path = DATA_ROOT) -> Path:
    """The folder holding the cluster, its log, its lock and (when short enough) its socket.

    That is ``data_root`` itself, unless we are root and the postgres user cannot
    reach it: then a folder of the postgres user's own, named after ``data_root``.
    """
    data_root = Path(os.path.abspath(data_root))
    if not _run_as_postgres():
        return data_root
    user = _postgres_user()
    if _can_enter(user, data_root):
        return data_root
    digest = hashlib.sha1(str(data_root).encode()).hexdigest()[:12]
    base = Path(user.pw_dir) if Path(user.pw_dir).is_dir() else Path("/var/tmp")
    return base / f"nnirr-pg-{digest}"


def _outside_data_root() -> bool:
    return cluster_home() != Path(os.path.abspath(DATA_ROOT))


def _socket_dir() -> Path:
    """The socket lives in the cluster's folder unless that path is too long for a socket."""
    home = cluster_home()
    preferred = home / "socket"
    if len(str(preferred)) + len(f"/.s.PGSQL.{PORT}") < 100:
        return preferred
    digest = hashlib.sha1(str(home).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"nnirr-pg-{digest}"


def _cluster_dir() -> Path:
    return cluster_home() / "cluster"


def _run_server_command(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run initdb or pg_ctl, as the postgres user when we are root (from /, which it can always enter)."""
    if _run_as_postgres():
        return subprocess.run(["runuser", "-u", "postgres", "--", *args], cwd="/", **kwargs)
    return subprocess.run(args, **kwargs)


def _chown_to_postgres(path: Path) -> None:
    if _run_as_postgres():
        entry = _postgres_user()
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _make_home() -> Path:
    """Create the cluster's folder: 0755 inside the data root, postgres-only outside it."""
    home = cluster_home()
    if not _outside_data_root():
        # Folders we create must stay reachable whatever the umask, or the next call would look elsewhere.
        for folder in [*reversed(home.parents), home]:
            if not folder.exists():
                folder.mkdir(exist_ok=True)
                os.chmod(folder, 0o755)
        return home
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    _chown_to_postgres(home)
    os.chmod(home, 0o700)
    origin = home / "origin"
    if not origin.exists():
        origin.write_text(
            f"The embedded PostgreSQL server of the NNIRR website for {os.path.abspath(DATA_ROOT)},\n"
            "which the postgres user cannot reach. 'make db-reset' in that clone deletes this folder.\n"
        )
    return home


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
    _run_server_command(
        [
            str(bindir / "initdb"),
            "-D",
            str(cluster),
            "-U",
            DB_USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


# Development and tests trade durability for speed: a crash may lose the last commits, which a
# developer's or a test's data can afford. ``restart(durable=True)`` (the petition benchmark's
# headline) runs with PostgreSQL's own defaults, as production does.
FAST_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _start(bindir: Path, durable: bool = False) -> None:
    sock_dir = _socket_dir()
    sock_dir.mkdir(parents=True, exist_ok=True)
    _chown_to_postgres(sock_dir)
    log = cluster_home() / "server.log"
    log.touch()
    _chown_to_postgres(log)
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{sock_dir}' -p {PORT} "
        "-c max_connections=200 -c shared_buffers=128MB"
    )
    if not durable:
        options += f" {FAST_OPTIONS}"
    _run_server_command(
        [str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "-l", str(log), "-o", options, "-w", "start"],
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
    lock_path = _make_home() / ".lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (_cluster_dir() / "PG_VERSION").exists():
            _initdb(bindir)
        if not _is_accepting():
            # A stale pid file from a killed server would stop pg_ctl start.
            pid_file = _cluster_dir() / "postmaster.pid"
            status = _run_server_command(
                [str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "status"],
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


def is_durable() -> bool:
    """Whether the running server flushes every commit to disk (fsync, synchronous_commit, full_page_writes on)."""
    bindir = _find_bindir()
    values = _psql_admin(
        bindir,
        "SELECT string_agg(setting, ',' ORDER BY name) FROM pg_settings "
        "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')",
    )
    return values == "on,on,on"


def restart(durable: bool) -> None:
    """Run the server with durable commits (PostgreSQL's defaults) or with the fast development options.

    Restarts it only when the running mode differs; every open connection is closed by the restart.
    """
    ensure_running()
    if is_durable() == durable:
        return
    bindir = _find_bindir()
    with open(_make_home() / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _run_server_command(
            [str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "-m", "fast", "-w", "stop"],
            check=False,
            capture_output=True,
        )
        _start(bindir, durable=durable)
        for _ in range(50):
            if _is_accepting():
                break
            time.sleep(0.1)


def stop() -> None:
    """Stop the server if it is running."""
    if not (_cluster_dir() / "PG_VERSION").exists():
        print("Embedded PostgreSQL: no cluster to stop.")
        return
    bindir = _find_bindir()
    result = _run_server_command(
        [str(bindir / "pg_ctl"), "-D", str(_cluster_dir()), "-m", "fast", "-w", "stop"],
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode == 0:
        print("Embedded PostgreSQL stopped.")
    else:
        print("Embedded PostgreSQL was not running.")


def reset() -> None:
    """Stop the server and delete its data, its log and its socket folder."""
    stop()
    if _is_accepting():
        raise EmbeddedPostgresError("The embedded PostgreSQL server is still running; not deleting its data.")
    home = cluster_home()
    for path in (_socket_dir(), home / "cluster", home / "socket"):
        shutil.rmtree(path, ignore_errors=True)
    for path in (home / "server.log", home / ".lock", home / "origin"):
        path.unlink(missing_ok=True)
    for folder in {home, Path(os.path.abspath(DATA_ROOT))}:
        try:
            folder.rmdir()
        except OSError:
            pass  # missing, or holds files we did not make
    print(f"Embedded PostgreSQL data deleted ({home}); the next start creates it again.")


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
        elif command == "reset":
            reset()
        elif command == "status":
            print("running" if _is_accepting() else "stopped")
        else:
            print("usage: python -m nnirr_site.embedded_postgres [start|stop|status|reset]", file=sys.stderr)
            return 2
    except EmbeddedPostgresError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
