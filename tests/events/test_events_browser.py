"""Browser tests for events (headless Chromium): a visitor finds a Spanish event by state with the keyboard
only and downloads its calendar file; axe finds no violation on the index, an event and the "Add your
event" form with its errors, in English and in Spanish."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
PATHS = {
    "en": {"index": "/events/", "event": "/events/tucson-vigil-2026/", "add": "/events/add/"},
    "es": {"index": "/es/eventos/", "event": "/es/eventos/tucson-vigil-2026/", "add": "/es/eventos/add/"},
}


def violations(page):
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{page.url}: {violation['id']} {node['target']}" for violation in results.response["violations"]
            for node in violation["nodes"]]


def tab_to(page, selector, limit=200):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus")


@pytest.fixture
def site(live_server, demo_site, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server


def test_find_a_spanish_event_by_state_with_the_keyboard_and_download_its_calendar(page, site):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site.url + "/es/eventos/")
    tab_to(page, "#filter-state")
    page.keyboard.type("Arizona")  # a focused select jumps to the typed option
    assert page.eval_on_selector("#filter-state", "el => el.value") == "AZ"
    tab_to(page, "#filter-lang")
    page.keyboard.type("Espa")
    assert page.eval_on_selector("#filter-lang", "el => el.value") == "es"
    tab_to(page, ".event-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "state=AZ" in page.url and "lang=es" in page.url
    titles = page.locator(".event-item__title").all_inner_texts()
    assert "Vigilia con velas por las personas migrantes que murieron en el desierto" in titles
    assert all("Arizona" in text for text in page.locator(".event-item__where").all_inner_texts())

    tab_to(page, "a[href='/es/eventos/tucson-vigil-2026/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "18:00" in page.locator(".event-facts").inner_text()
    tab_to(page, ".event-calendar a[download]")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "tucson-vigil-2026.ics"
    calendar = Calendar.from_ical(open(download.path(), "rb").read())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Vigilia con velas")
    assert event["DTSTART"].params["TZID"] == "America/Phoenix"
    assert event["DTSTART"].dt.hour == 18
    assert "Más información" in str(event["DESCRIPTION"])
    assert errors == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_axe_violations_on_the_index_an_event_and_the_form_with_errors(page, site, language):
    paths = PATHS[language]
    for key in ("index", "event"):
        page.goto(site.url + paths[key])
        assert page.locator("h1").count() == 1
        assert violations(page) == []
    page.goto(site.url + paths["index"] + "?state=TX&lang=es")
    assert violations(page) == []
    page.goto(site.url + paths["add"])
    assert violations(page) == []
    page.fill("#event-title", "<b>Rally</b>")
    page.fill("#event-start_date", "2020-01-01")
    page.click("button.event-form__submit")
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    assert page.locator("#event-title[aria-invalid='true']").count() == 1
    # The summary's links lead to the fields.
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "event-title"
    assert violations(page) == []
