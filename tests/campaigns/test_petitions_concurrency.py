"""Many supporters signing and confirming at the same moment: no lost signature, none counted twice, no error."""

import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test import Client

from campaigns.petitions.models import Signature, TallyShard
from tests.campaigns.petition_helpers import confirm_links, form_data, make_petition, path_of

pytestmark = pytest.mark.django_db(transaction=True)

SIGNERS = 24


def run_at_once(jobs):
    """Run every job in its own thread, all released together; return their results (or exceptions)."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def runner(index, job):
        try:
            barrier.wait(timeout=30)
            results[index] = job()
        except Exception as exc:  # reported by the test, never swallowed
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


def test_simultaneous_signing_and_confirming_counts_exactly(demo_site, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.SUPPORTER_RATE_LIMIT = 0  # every request comes from 127.0.0.1 here
    mail.outbox = []
    petition = make_petition(slug="under-load")

    def signer(email):
        return lambda: Client().post(petition.url, form_data(email=email)).status_code

    jobs = [signer(f"person{n}@example.org") for n in range(SIGNERS)]
    # The same people again, typed differently, at the very same moment.
    jobs += [signer(f"  PERSON{n}@Example.org ") for n in range(4)]
    statuses = run_at_once(jobs)
    assert statuses == [303] * len(jobs)
    assert Signature.objects.filter(petition=petition).count() == SIGNERS

    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    links = confirm_links()
    assert len(links) == SIGNERS + 4  # confirmations, plus four "already signed" notes with fresh links
    latest = {}
    for message in mail.outbox:  # the newest link of each signer is the valid one
        latest[message.to[0]] = confirm_links(message.to[0])[-1]
    assert len(latest) == SIGNERS

    def confirmer(link):
        return lambda: Client().post(path_of(link)).status_code

    # Everyone confirms at once, and some press the button twice in parallel.
    jobs = [confirmer(link) for link in latest.values()] + [confirmer(link) for link in list(latest.values())[:6]]
    statuses = run_at_once(jobs)
    assert all(status in (200, 404) for status in statuses), statuses
    assert statuses.count(200) == SIGNERS

    shards = TallyShard.objects.filter(petition_key=petition.translation_key)
    assert shards.aggregate(total=Sum("counted"))["total"] == SIGNERS
    assert shards.count() > 1  # confirmations were spread over several shards
    assert Signature.objects.filter(petition=petition, counted_at__isnull=False).count() == SIGNERS
