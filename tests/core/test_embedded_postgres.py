"""The embedded PostgreSQL server works from a clone in a folder the postgres user cannot reach.

As root the server runs as the ``postgres`` system user, which cannot enter a
root-only folder (a root home, a ``mktemp -d`` folder). Such a clone keeps its
cluster in a postgres-owned folder outside it instead; these tests start one
for real, connect to it, stop it and delete it, as ``make db-stop`` and
``make db-reset`` do.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg2
import pytest

from nnirr_site import embedded_postgres

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as another user")

PRINT_DATABASE_SETTINGS = (
    "import json; from nnirr_site.embedded_postgres import database_settings; print(json.dumps(database_settings()))"
)


def run_module(data_root, *args):
    env = {**os.environ, "NNIRR_PGDATA_ROOT": str(data_root)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def private_folder():
    """A root-only folder, as ``mktemp -d`` makes (mode 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="nnirr-private-"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_clone_in_a_root_only_folder_gets_a_working_cluster(private_folder):
    data_root = private_folder / "clone" / ".pgdata"
    try:
        started = run_module(data_root, "-m", "nnirr_site.embedded_postgres", "start")
        assert started.returncode == 0, started.stderr
        assert run_module(data_root, "-m", "nnirr_site.embedded_postgres", "status").stdout.strip() == "running"

        # The settings find the same server the command started.
        found = run_module(data_root, "-c", PRINT_DATABASE_SETTINGS)
        assert found.returncode == 0, found.stderr
        database = json.loads(found.stdout.strip().splitlines()[-1])
        socket_dir = Path(database["HOST"])
        assert not socket_dir.is_relative_to(private_folder)
        with psycopg2.connect(
            host=database["HOST"], port=database["PORT"], user=database["USER"], dbname=database["NAME"]
        ) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT current_database(), current_setting('data_directory')")
            name, data_directory = cursor.fetchone()
        connection.close()
        assert name == database["NAME"]
        assert not Path(data_directory).is_relative_to(private_folder)
        # The private folder stays private.
        assert stat.S_IMODE(private_folder.stat().st_mode) == 0o700

        stopped = run_module(data_root, "-m", "nnirr_site.embedded_postgres", "stop")
        assert stopped.returncode == 0, stopped.stderr
        assert run_module(data_root, "-m", "nnirr_site.embedded_postgres", "status").stdout.strip() == "stopped"
    finally:
        reset = run_module(data_root, "-m", "nnirr_site.embedded_postgres", "reset")
    assert reset.returncode == 0, reset.stderr
    assert not Path(data_directory).exists()
    assert not socket_dir.exists()


def test_folder_every_user_can_reach_keeps_its_cluster_inside():
    folder = Path(tempfile.mkdtemp(prefix="nnirr-open-"))
    try:
        folder.chmod(0o755)
        assert embedded_postgres.cluster_home(folder / ".pgdata") == folder / ".pgdata"
    finally:
        shutil.rmtree(folder)
