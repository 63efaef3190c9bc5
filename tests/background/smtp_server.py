"""A real SMTP server for the fault tests (aiosmtpd on loopback) that can accept, greylist, refuse or stall.

``FaultySMTPServer().replies_for["grey@example.org"] = ["451 4.7.1 Greylisted"]``
answers the first RCPT for that address with 451 and accepts later ones;
``hold()`` makes every RCPT wait (the client is then "mid-send") until
``release()``. ``delivered`` counts, per recipient, the messages the server
accepted with 250 after DATA: what a real server would deliver.
"""

import asyncio
import socket
import threading
import time
from collections import Counter

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class FaultySMTPServer:
    def __init__(self):
        self.replies_for = {}  # address -> replies to give, in order, before accepting
        self.rcpt_attempts = Counter()
        self.delivered = Counter()
        self.messages = []
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._released.set()
        self.waiting = threading.Event()  # set while a client waits in a held RCPT
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self._released.set()
        self.controller.stop()

    def hold(self):
        self.waiting.clear()
        self._released.clear()

    def release(self):
        self._released.set()

    def wait_for(self, condition, timeout=60, what="the mail server"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if condition(self):
                    return
            time.sleep(0.05)
        raise AssertionError(f"Timed out waiting for {what}: delivered={dict(self.delivered)}, "
                             f"rcpt attempts={dict(self.rcpt_attempts)}")

    def total_delivered(self):
        with self._lock:
            return sum(self.delivered.values())

    # aiosmtpd handler hooks
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self._lock:
            self.rcpt_attempts[address] += 1
        while not self._released.is_set():
            self.waiting.set()
            await asyncio.sleep(0.02)
        with self._lock:
            pending = self.replies_for.get(address)
            if pending:
                return pending.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            for address in envelope.rcpt_tos:
                self.delivered[address] += 1
                self.messages.append((address, envelope.content.decode("utf-8", "replace")))
        return "250 Message accepted for delivery"
