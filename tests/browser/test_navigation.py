"""Browser test: a visitor opens the home page, follows the menu, and no console errors appear."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_menu_navigation_without_console_errors(page, live_server, demo_site):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()

    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "Human rights for every immigrant and refugee"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="About the network").click()
    page.wait_for_url("**/about/")
    assert page.locator("h1").inner_text() == "About the network"
    assert page.locator('nav[aria-label="Main"]:visible a[aria-current="page"]').inner_text() == "About the network"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert errors == []
