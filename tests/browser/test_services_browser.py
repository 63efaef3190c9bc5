"""Border services in Chromium: keyboard-only filtering and a map marker with JavaScript off, the print
handout, axe on the directory, a service and the map in both languages, and the page-weight budget."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Locale

from services.models import Service, ServiceStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
KB = 1024


@pytest.fixture
def site_url(live_server, demo_site):
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    return live_server.url


@pytest.fixture
def no_js_page(browser):
    """A page in a browser context with JavaScript disabled, as on a phone that blocks scripts."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def tab_to(page, selector, limit=150):
    """Press Tab until the element matching ``selector`` has focus (bounded); works without page scripts."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.locator(f"{selector}:focus").count():
            return
    raise AssertionError(f"{selector} never received focus")


def listed(page):
    return page.locator(".service__name a").all_inner_texts()


def public_english():
    return Service.objects.filter(locale=Locale.get_default()).exclude(status=ServiceStatus.CLOSED)


def test_filter_by_category_and_state_with_the_keyboard_only_and_no_javascript(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + "/services/")
    tab_to(page, "#id_category")
    for _ in range(20):  # choose "Shelter" with the arrow keys
        if page.locator("#id_category").input_value() == "shelter":
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, "#id_state")
    for _ in range(20):
        if page.locator("#id_state").input_value() == "US-TX":
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, ".services-filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"category=shelter.*state=US-TX"))
    expected = public_english().filter(categories__contains=["shelter"], state="US-TX")
    assert sorted(listed(page)) == sorted(expected.values_list("name", flat=True)) and expected.exists()
    assert page.locator("#id_category").input_value() == "shelter"


def test_follow_a_map_marker_to_its_list_without_javascript(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + "/services/")
    marker = page.locator('svg.border-map__svg a.marker[aria-label^="Tijuana, Baja California"]')
    assert marker.count() == 1
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"city=MX-BCN%3ATijuana"))
    expected = public_english().filter(state="MX-BCN", city="Tijuana")
    assert sorted(listed(page)) == sorted(expected.values_list("name", flat=True))
    # The same list by clicking, in Spanish.
    page.goto(site_url + "/es/servicios/")
    page.locator('svg.border-map__svg a.marker[aria-label^="El Paso, Texas"]').click()
    page.wait_for_url(re.compile(r"city=US-TX%3AEl\+Paso"))
    assert len(listed(page)) == public_english().filter(state="US-TX", city="El Paso").count()


def test_print_preview_is_a_clean_handout(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + "/services/?state=MX-SON")
    page.emulate_media(media="print")
    for selector in [".site-header", ".main-nav", ".site-footer", ".services-filters", ".border-map", ".breadcrumbs",
                     ".lang-switcher", ".services-downloads", ".skip-link"]:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator(".service").first.is_visible()
    text = page.locator("main").inner_text()
    for expected in ["Aid center for deported people", "+52 631 555 0129", "Calle Ejemplo 5", "Monday–Sunday", "Spanish"]:
        assert expected in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_axe_violations_on_directory_service_and_map(page, site_url, language, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = settings.PETITION_MIN_FILL_SECONDS = 0
    prefix = "" if language == "en" else "/es"
    directory = "/services/" if language == "en" else "/servicios/"
    urls = [
        prefix + directory,
        prefix + directory + "?category=legal&state=US-TX&free=on",
        prefix + directory + "demo-el-paso-shelter/",
        prefix + directory + "demo-harlingen-public-clinic/",
        prefix + directory + "demo-tijuana-dining-hall/correction/",
    ]
    found = []
    for url in urls:
        page.goto(site_url + url)
        results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            for node in violation["nodes"]:
                found.append(f"{url}: {violation['id']} {node['target']} {node['failureSummary']}")
    # The map on its own: axe on the map section only.
    page.goto(site_url + prefix + directory)
    results = AXE.run(page, context={"include": [[".border-map"]]},
                      options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations", "passes"]})
    assert results.response["passes"], "axe checked nothing on the map"
    found += [f"map: {v['id']}" for v in results.response["violations"]]
    # The correction form with its errors shown.
    page.goto(site_url + prefix + directory + "demo-tijuana-dining-hall/correction/")
    page.wait_for_timeout(100)
    page.locator("form.correction-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    found += [f"correction errors: {v['id']}" for v in results.response["violations"]]
    assert found == []


def add_services(count):
    english = Locale.get_default()
    cities = [("US-TX", "Laredo"), ("MX-TAM", "Reynosa"), ("US-AZ", "Yuma"), ("MX-BCN", "Tecate"), ("US-NM", "Deming")]
    for n in range(count):
        state, city = cities[n % len(cities)]
        Service(
            locale=english, name=f"Weight test service number {n}", slug=f"weight-{n}",
            organization_name="Demo Weight Test Organization", description="A service added for the weight test.",
            categories=["legal", "food", "shelter"], languages=["en", "es", "ht"], state=state, city=city,
            phone="+1 956-555-0150", address=f"{n} Example Street", fees="free",
            asks_immigration_status="no", shares_with_enforcement="unknown", hours_note="Call before coming.",
        ).save()


def test_directory_with_50_services_and_the_map_stays_under_100_kb_at_390_px(page, site_url):
    add_services(50 - public_english().count())
    assert public_english().count() == 50
    transfers = []

    def record(request):
        sizes = request.sizes()
        transfers.append((request.url, request.resource_type, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.set_viewport_size({"width": 390, "height": 844})
    page.on("requestfinished", record)
    page.goto(site_url + "/services/", wait_until="networkidle")
    total = sum(size for _url, _kind, size in transfers)
    assert page.locator(".service").count() == 50
    assert page.locator("svg.border-map__svg a.marker").count() >= 30
    assert all(url.startswith(site_url) for url, _kind, _size in transfers)  # nothing from another site
    assert not [url for url, kind, _size in transfers if kind == "script"]
    print(f"directory with 50 services and the map at 390 px: {total} bytes transferred in {len(transfers)} requests")
    assert total < 100 * KB, transfers
