"""Shared helpers for the petition tests: a fresh petition, signing through the form, running queued tasks."""

import re

from django.core import mail
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from campaigns.petitions.models import PetitionIndexPage, PetitionPage
from nnirr_site.background.worker import ResilientWorker
from nnirr_site.core.demo_builders import ensure_page
from nnirr_site.core.models import HomePage
from supporter_actions.abuse import form_stamp

CONFIRM_LINK = re.compile(r"https?://\S+/(?:confirm|confirmar)/[A-Za-z0-9_-]+/")


def make_petition(slug="test-petition", **fields):
    """A live petition under the petition index (created under home if the demo put none there)."""
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    index = PetitionIndexPage.objects.child_of(home).first() or ensure_page(
        home, PetitionIndexPage, "petitions", title="Petitions"
    )
    defaults = {
        "title": "Test petition",
        "addressee": "The Governor",
        "ask": "<p>Please do the right thing.</p>",
        "signature_goal": 100,
        "ask_comment": True,
        "share_text": "Sign this.",
    }
    defaults.update(fields)
    return ensure_page(Page.objects.get(pk=index.pk), PetitionPage, slug, **defaults)


def form_data(**overrides):
    data = {
        "first_name": "Ana",
        "last_name": "Pérez",
        "email": "ana@example.org",
        "postal_code": "94612",
        "country": "US",
        "comment": "",
        "consent": "on",
        "website": "",
        "started": form_stamp(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign(client, petition, **overrides):
    return client.post(petition.url, form_data(**overrides))


def run_queued_tasks(limit=100):
    """Run ready tasks the way ``db_worker`` does (claim, then ``run_task``) inside the test's transaction.

    The real ``db_worker`` command closes connections between tasks, which a
    test wrapped in a transaction cannot allow; transactional tests call the
    command itself.
    """
    worker = ResilientWorker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="petitions",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().filter(backend_name="petitions").first()
        if result is None:
            break
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def confirm_links(to=None):
    links = []
    for message in mail.outbox:
        if to is None or message.to == [to]:
            links.extend(CONFIRM_LINK.findall(message.body))
    return links


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
