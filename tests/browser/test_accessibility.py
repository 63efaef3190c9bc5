"""Browser tests: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation on any page type, in both languages.

One page of every live page type in English and in Spanish, the search results, the
petition form with its errors shown, the thank-you page, and the confirmation pages reached
through a real signature's email link. Each test visits many pages to keep the run short.
The pages are served with their real Content Security Policy, and a page that breaks it
(an inline script or style the browser refuses) fails too.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page

from tests.campaigns.petition_helpers import confirm_links

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


@pytest.fixture
def site_url(live_server, demo_site):
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    return live_server.url


@pytest.fixture
def csp_errors(page):
    """Messages from the browser about content the Content Security Policy blocked."""
    errors = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return errors


def one_page_of_each_type(language):
    """The URL of the first live page (in tree order) of every page type in ``language``."""
    urls = {}
    for page in Page.objects.live().filter(depth__gte=2, locale__language_code=language).order_by("path"):
        urls.setdefault(page.content_type_id, (page.specific_class.__name__, page.url))
    return sorted(urls.values())


def violations(page):
    """axe's violations on the page as it is now, one readable line per rule and element."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            found.append(f"{page.url}: {violation['id']} ({violation['impact']}) {node['target']} {node['failureSummary']}")
    return found


def check_pages(page, base_url, urls):
    found = []
    for url in urls:
        response = page.goto(base_url + url)
        assert response.status == 200, url
        found += violations(page)
    return found


@pytest.mark.parametrize("language,query", [("en", "immigrant rights"), ("es", "derechos")])
def test_every_page_type_has_no_axe_violations(page, site_url, csp_errors, language, query):
    pages = one_page_of_each_type(language)
    types = {name for name, _ in pages}
    expected = {
        "HomePage", "StandardPage", "ProgramIndexPage", "ProgramPage", "CampaignIndexPage", "CampaignPage",
        "BlogIndexPage", "BlogPage", "ResourceIndexPage", "ResourcePage", "PetitionPage",
    }  # fmt: skip
    assert expected <= types, expected - types
    prefix = "" if language == "en" else f"/{language}"
    urls = [url for _, url in pages] + [f"{prefix}/search/?q={query}"]
    assert check_pages(page, site_url, urls) == []
    assert csp_errors == []


def test_petition_form_errors_thanks_and_confirmation_have_no_axe_violations(
    page, site_url, csp_errors, settings
):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = site_url
    mail.outbox = []
    found = []
    petitions = [url for name, url in one_page_of_each_type("en") + one_page_of_each_type("es") if name == "PetitionPage"]
    for number, url in enumerate(petitions):
        page.goto(site_url + url)
        # Sent empty: the form comes back with its errors.
        page.locator("button.petition-form__submit").click()
        page.wait_for_load_state()
        assert page.locator(".petition-form [aria-invalid='true'], .petition-form .errorlist").count() > 0
        found += violations(page)
        # Filled in: the thank-you page.
        page.fill("#petition-first_name", "Axel")
        page.fill("#petition-last_name", "Checker")
        page.fill("#petition-email", f"axe{number}@example.org")
        page.check("#petition-consent")
        page.locator("button.petition-form__submit").click()
        page.wait_for_url(re.compile(r".*/(thanks|gracias)/(#sign)?$"))
        found += violations(page)

    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    for number in range(len(petitions)):
        [link] = confirm_links(f"axe{number}@example.org")
        page.goto(link)
        found += violations(page)  # "Confirm your signature"
        with page.expect_navigation():
            page.locator("form.petition-confirm button").click()
        found += violations(page)  # "Your signature is confirmed"
    assert found == []
    assert csp_errors == []


def test_the_check_finds_violations(page, csp_errors):
    """A guard for the tests above: axe reports an image without alt text and an unlabelled field."""
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><input type="text"></main></html>')
    rules = {line.split(": ", 1)[1].split()[0] for line in violations(page)}
    assert {"image-alt", "label"} <= rules
