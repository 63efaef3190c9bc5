"""Page-weight budget, measured in Chromium: what a visitor's browser really downloads."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KB = 1024


def load(page, url, width):
    transfers = []

    def record(request):
        sizes = request.sizes()
        transfers.append((request.resource_type, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.set_viewport_size({"width": width, "height": 900})
    page.on("requestfinished", record)
    page.goto(url, wait_until="networkidle")
    totals = {}
    for kind, size in transfers:
        totals[kind] = totals.get(kind, 0) + size
    return totals


def test_home_page_stays_within_its_weight_budget(page, live_server, demo_site):
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    totals = load(page, live_server.url + "/", 1366)
    assert sum(totals.values()) <= 150 * KB, totals
    assert totals.get("script", 0) <= 10 * KB, totals
    assert totals.get("stylesheet", 0) <= 30 * KB, totals

    images = page.evaluate(
        """[...document.images].map(img => ({
            src: img.currentSrc || img.src, width: img.getAttribute('width'), height: img.getAttribute('height'),
            loading: img.loading, top: img.getBoundingClientRect().top + window.scrollY}))"""
    )
    assert images
    for image in images:
        assert image["width"] and image["height"], image
        if image["src"]:
            assert image["src"].endswith((".webp", ".avif")), image
        if image["top"] > 900:
            assert image["loading"] == "lazy", image


def test_phone_gets_small_card_images(page, live_server, demo_site):
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/programs/")
    page.locator(".card__image").first.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    chosen = page.evaluate("document.querySelector('.card__image').currentSrc")
    assert "fill-320x180" in chosen or "fill-640x360" in chosen  # a srcset choice, never a full-size original
    assert page.evaluate("document.querySelector('.card__image').srcset").count("w,") == 1
