"""Each serving process freezes what it holds once it is warm (nnirr_site/gc_freeze.py)."""

import gc
import itertools

import pytest
from django.core.signals import request_finished

from nnirr_site import gc_freeze


@pytest.fixture
def fresh_process(monkeypatch, db):
    """The module as a new process has it; counts ``gc.freeze`` calls; what was frozen is given back."""
    monkeypatch.setattr(gc_freeze, "_counter", itertools.count(1))
    monkeypatch.setattr(gc_freeze, "_frozen", False)
    assert gc.get_freeze_count() == 0
    calls = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (calls.append(1), freeze()))
    yield calls
    gc.unfreeze()


def test_a_web_process_freezes_after_its_nth_request(fresh_process, settings, client):
    import nnirr_site.wsgi  # noqa: F401 - connects the receiver, as gunicorn's import does

    settings.GC_FREEZE_AFTER = 3
    for _ in range(2):
        client.get("/bench-hello-does-not-exist/")
    assert gc.get_freeze_count() == 0
    client.get("/bench-hello-does-not-exist/")
    assert gc.get_freeze_count() > 1000  # Django, Wagtail and the site's modules at least
    for _ in range(5):
        client.get("/bench-hello-does-not-exist/")
    assert fresh_process == [1]  # once per process


def test_a_worker_freezes_after_its_nth_task(fresh_process, settings):
    from events.tasks import send_event_email
    from tests.campaigns.petition_helpers import run_queued_tasks

    settings.GC_FREEZE_AFTER = 2
    send_event_email.enqueue(987654321)  # no such email: the task finds nothing to send
    assert run_queued_tasks() == 1
    assert fresh_process == []
    send_event_email.enqueue(987654321)
    assert run_queued_tasks() == 1
    assert fresh_process == [1]
    assert gc.get_freeze_count() > 1000


def test_zero_turns_it_off(fresh_process, settings):
    settings.GC_FREEZE_AFTER = 0
    gc_freeze.install(request_finished)
    for _ in range(5):
        request_finished.send(sender=None)
    assert gc.get_freeze_count() == 0
