"""make run's worker supervisor starts the command again when it exits, and stops it on SIGTERM."""

import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def test_a_command_that_dies_is_started_again_until_the_supervisor_is_stopped(tmp_path):
    runs = tmp_path / "runs"
    child = f"open({str(runs)!r}, 'a').write('x'); import time; time.sleep(0.3)"
    supervisor = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from nnirr_site.background.keep_alive import keep_alive; "
         f"sys.exit(keep_alive([sys.executable, '-c', {child!r}], first_wait=0.1, longest_wait=0.2))"],
        cwd=BASE_DIR, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not runs.exists() or len(runs.read_text()) < 3):
        time.sleep(0.1)
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=20) == 0
    assert len(runs.read_text()) >= 3
    assert "starting it again" in supervisor.stderr.read()
