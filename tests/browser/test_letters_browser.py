"""Browser tests for sign-on letters: an organization signs and confirms by keyboard only, a staff member
verifies it in the admin, and it appears on the public list, in English and in Spanish; axe finds no
violation on the letter page, the form with its errors and the confirmation pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from campaigns.letters.models import Endorsement, EndorsementStatus
from nnirr_site.core.demo_builders import ensure_translation
from tests.campaigns.petition_helpers import path_of
from tests.campaigns.test_letters import CONFIRM_LINK, make_letter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()

def translated(text, language):
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(text)


def tab_to(page, selector, limit=120):
    """Press Tab until the element matching ``selector`` has focus (bounded)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus")


def violations(page):
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{page.url}: {violation['id']} {node['target']}" for violation in results.response["violations"]
            for node in violation["nodes"]]


@pytest.fixture
def letters(live_server, demo_site, settings):
    """An English letter and its Spanish translation, with links in emails pointing at the live server."""
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    letter = make_letter(slug="browser-letter", title="Browser sign-on letter")
    index = letter.get_parent().specific
    if index.get_translation_or_none(Locale.objects.get(language_code="es")) is None:
        ensure_translation(index, "es", "declaraciones", title="Declaraciones")
    spanish = ensure_translation(letter, "es", "carta-navegador", title="Carta de prueba en el navegador")
    return {"en": letter, "es": spanish}


def staff_session(live_server, page, otp_login, superuser):
    """Give the browser a staff session that passed the second factor, as the verify page leaves it."""
    client = otp_login(Client(), superuser)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("language", ["en", "es"])
def test_organization_signs_confirms_and_is_listed_with_the_keyboard_only_and_no_axe_violation(
    page, live_server, letters, language, otp_login, superuser
):
    mail.outbox = []
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    letter = letters[language]
    name = f"Keyboard Valley Coalition {language.upper()}"

    page.goto(live_server.url + letter.url)
    assert violations(page) == []
    # Sent empty first: every required field in error, announced, and still no violation.
    page.click("#sign button.letter-form__submit")
    page.wait_for_load_state()
    assert page.locator("#org-organization_name[aria-invalid='true']").count() == 1
    assert violations(page) == []
    tab_to(page, "#org-organization_name")
    page.keyboard.type(name)
    tab_to(page, "#org-kind")
    page.keyboard.press("ArrowDown")  # the first kind after "Choose one"
    tab_to(page, "#org-city")
    page.keyboard.type("Tucson")
    page.keyboard.press("Tab")
    page.keyboard.type("Arizona")
    tab_to(page, "#org-contact_name")
    page.keyboard.type("Kim Keys")
    tab_to(page, "#org-contact_email")
    page.keyboard.type(f"kim.{language}@example.org")
    tab_to(page, "#org-authorized")
    page.keyboard.press("Space")
    tab_to(page, "#org-consent")
    page.keyboard.press("Space")
    tab_to(page, "#sign button.letter-form__submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == translated("Thank you for signing on", language)
    endorsement = Endorsement.objects.get(organization_name=name)
    assert endorsement.status == EndorsementStatus.AWAITING_CONFIRMATION and endorsement.language == language

    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    [link] = [found for message in mail.outbox for found in CONFIRM_LINK.findall(message.body)]
    page.goto(live_server.url + path_of(link))
    assert page.locator("h1").inner_text() == translated("Confirm your sign-on", language)
    assert violations(page) == []
    tab_to(page, "form.letter-confirm button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == translated("Your sign-on is confirmed", language)
    assert violations(page) == []
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING

    # Not listed until staff verify it.
    page.goto(live_server.url + letter.url)
    assert name not in page.content()

    staff_session(live_server, page, otp_login, superuser)
    page.goto(live_server.url + reverse("letters_admin:queue", args=[letters["en"].pk]))
    verify_button = f"form[action$='/{endorsement.pk}/verify/'] button"
    tab_to(page, verify_button, limit=400)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.VERIFIED

    page.context.clear_cookies()
    page.goto(live_server.url + letter.url)
    assert page.locator("#signatory-list").get_by_text(name).count() == 1  # grouped by state
    assert "Kim Keys" not in page.content() and "example.org" not in page.locator("#signatories").inner_text()
    assert errors == []
