"""Keep one command running: start it again whenever it exits, until told to stop.

``make run`` starts the worker through this, so a worker that dies (killed,
out of memory, a bug) comes back by itself, as it would under systemd's
``Restart=always`` in production::

    python -m nnirr_site.background.keep_alive manage.py db_worker --backend petitions

A restart waits 1 s, doubling while the command keeps dying quickly (at most
30 s). SIGINT or SIGTERM is passed on to the command, and then this exits.
"""

import signal
import subprocess
import sys
import time

QUICK_EXIT_SECONDS = 60  # a command that ran longer than this starts again after the shortest wait


def keep_alive(command, *, first_wait=1.0, longest_wait=30.0, log=sys.stderr):
    stopping = False
    child = None

    def stop(signum, _frame):
        nonlocal stopping
        stopping = True
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    wait = first_wait / 2  # doubled before the first restart
    while not stopping:
        started = time.monotonic()
        child = subprocess.Popen(command)
        code = child.wait()
        if stopping:
            break
        wait = first_wait if time.monotonic() - started > QUICK_EXIT_SECONDS else min(wait * 2, longest_wait)
        print(f"keep_alive: {' '.join(command)} exited with status {code}; starting it again in {wait:.0f} s.",
              file=log, flush=True)
        deadline = time.monotonic() + wait
        while not stopping and time.monotonic() < deadline:
            time.sleep(0.2)
    if child is not None and child.poll() is None:
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m nnirr_site.background.keep_alive COMMAND [ARGS...]")
    sys.exit(keep_alive(sys.argv[1:]))
