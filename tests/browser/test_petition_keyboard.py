"""Browser test: a supporter signs a petition and confirms it with the keyboard only."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from campaigns.petitions.models import Signature
from tests.campaigns.petition_helpers import confirm_links, make_petition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching ``selector`` has focus (bounded)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus")


def test_sign_and_confirm_with_keyboard_only(page, live_server, demo_site, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    mail.outbox = []
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    petition = make_petition(slug="keyboard", title="Keyboard petition")

    page.goto(live_server.url + petition.url)
    tab_to(page, "#petition-first_name")
    page.keyboard.type("Keyla")
    page.keyboard.press("Tab")
    page.keyboard.type("Board")
    page.keyboard.press("Tab")
    page.keyboard.type("keyla@example.org")
    tab_to(page, "#petition-consent")
    page.keyboard.press("Space")
    assert page.is_checked("#petition-consent")
    tab_to(page, "button.petition-form__submit")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/thanks/(#sign)?$"))  # the form's #sign fragment carries over
    assert page.locator("h1").inner_text() == "Thank you for signing"
    signature = Signature.objects.get(petition=petition)
    assert signature.first_name == "Keyla" and signature.confirmed_at is None
    assert signature.opt_in_news is False and signature.show_name is False  # unticked unless chosen

    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    [link] = confirm_links("keyla@example.org")
    page.goto(link)
    assert page.locator("h1").inner_text() == "Confirm your signature"
    tab_to(page, "form.petition-confirm button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Your signature is confirmed"
    signature.refresh_from_db()
    assert signature.confirmed_at is not None
    assert petition.get_stats().counted == 1
    assert errors == []
