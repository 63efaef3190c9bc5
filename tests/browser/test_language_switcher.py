"""Browser test: a visitor switches to Spanish from a program page and lands on its translation."""

import pytest
from wagtail.models import Locale

from campaigns.models import ProgramPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switch_language_from_program_page(page, live_server, demo_site):
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    spanish = Locale.objects.get(language_code="es")
    program = next(
        p for p in ProgramPage.objects.live().filter(locale__language_code="en")
        if p.get_translation_or_none(spanish) is not None
    )
    translation = program.get_translation(spanish)

    page.goto(live_server.url + program.url)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(f"**{translation.url}")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").first.inner_text() == translation.title
    current = page.get_by_role("navigation", name="Idioma").locator('a[aria-current="true"]')
    assert current.inner_text() == "Español"
    # And back again.
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url(f"**{program.url}")
    assert page.locator("html").get_attribute("lang") == "en"
