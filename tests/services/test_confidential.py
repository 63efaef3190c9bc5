"""A confidential location's address and exact coordinates appear nowhere public: every page, the map,
both exports, the feed, the directory's search, site search and the sitemap, in both languages."""

import csv
import io
import json

import pytest
from django.test import override_settings

from tests.services.conftest import SECRET_LATITUDE, SECRET_LONGITUDE, SECRET_STREET

pytestmark = pytest.mark.django_db

SECRETS = [SECRET_STREET, "Hidden Safehouse", "79999", SECRET_LATITUDE, SECRET_LONGITUDE, "31.7777", "-106.4444"]
PUBLIC_PATHS = [
    "/services/",
    "/services/?state=US-TX",
    "/services/?city=US-TX:El+Paso",
    "/services/?category=shelter&state=US-TX&open=1",
    "/services/hidden-test-shelter/",
    "/services/hidden-test-shelter/correction/",
    "/services/export/csv/",
    "/services/export/csv/?city=US-TX:El+Paso",
    "/services/export/json/",
    "/services/export/json/?category=shelter",
    "/services/feed/",
    "/sitemap.xml",
    "/es/servicios/",
    "/es/servicios/?city=US-TX:El+Paso",
    "/es/servicios/hidden-test-shelter/",
    "/es/servicios/export/json/",
    "/es/servicios/export/csv/",
    "/es/servicios/feed/",
]


def assert_no_secret(text, where):
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked in {where}"


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_no_public_address_or_coordinates(client, secret_shelter, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert_no_secret(response.content.decode(), path)


def test_the_shelter_is_still_listed_with_city_and_phone(client, secret_shelter):
    html = client.get("/services/?city=US-TX:El+Paso").content.decode()
    assert "Hidden Test Shelter" in html
    assert "El Paso, Texas" in html and 'href="tel:+19155550198"' in html
    assert "address given by phone" in html
    page = client.get("/services/hidden-test-shelter/").content.decode()
    assert "This location is confidential" in page
    assert 'href="tel:+19155550198"' in page


def test_exports_keep_the_row_without_the_location(client, secret_shelter):
    rows = list(csv.DictReader(io.StringIO(client.get("/services/export/csv/?city=US-TX:El+Paso").content.decode("utf-8-sig"))))
    shelter = next(row for row in rows if row["Name"] == "Hidden Test Shelter")
    assert shelter["Address"] == "" and shelter["Latitude"] == "" and shelter["Longitude"] == ""
    assert shelter["ZIP or postal code"] == ""
    assert shelter["City"] == "El Paso" and shelter["Phone"] == "+1 915-555-0198"
    data = json.loads(client.get("/services/export/json/?city=US-TX:El+Paso").content)
    entry = next(s for s in data["services"] if s["name"] == "Hidden Test Shelter")
    location = entry["service_at_locations"][0]["location"]
    assert location["latitude"] is None and location["longitude"] is None
    assert location["addresses"][0]["address_1"] == "" and location["addresses"][0]["city"] == "El Paso"
    assert entry["x_nnirr"]["location_confidential"] is True


def test_the_directory_search_does_not_find_it_by_its_street(client, secret_shelter):
    html = client.get("/services/", {"q": "Hidden Safehouse Road"}).content.decode()
    assert "Hidden Test Shelter" not in html
    assert "0 services" in html
    assert "Hidden Test Shelter" in client.get("/services/", {"q": "Hidden Test"}).content.decode()


def test_site_search_does_not_find_it_by_its_street(client, secret_shelter):
    for path in ["/search/", "/es/search/"]:
        response = client.get(path, {"q": SECRET_STREET})
        assert response.status_code == 200
        html = response.content.decode()
        assert "hidden-test-shelter" not in html and "Hidden Test Shelter" not in html
        assert SECRET_LATITUDE not in html and "79999" not in html


def test_the_map_marker_is_the_city_center_not_the_shelter(client, secret_shelter, service_maker):
    # A city the gazetteer does not know, with only a confidential service: it gets no marker at all.
    service_maker(name="Lonely hidden place", city="Nowhere Junction", state="US-TX", address_confidential=True,
                  latitude="30.123456", longitude="-104.654321", address="1 Secret Way")
    html = client.get("/services/").content.decode()
    svg = html[html.index('<svg class="border-map__svg"'):html.index('</svg>', html.index('<svg class="border-map__svg"'))]
    assert "Nowhere Junction" not in svg
    assert "Nowhere Junction, Texas</a> (1 service) — not on the map" in html
    for secret in ["30.123456", "-104.654321", "1 Secret Way", "30.12", "-104.65"]:
        assert secret not in html


def test_the_sitemap_lists_public_services_but_no_location(client, secret_shelter):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/services/hidden-test-shelter/" in xml
    assert "/es/servicios/hidden-test-shelter/" in xml
    assert_no_secret(xml, "sitemap")


@override_settings(PAGE_CACHE_SECONDS=60)
def test_marking_a_service_confidential_clears_cached_pages(client, service_maker, django_capture_on_commit_callbacks):
    service = service_maker(name="Soon hidden", slug="soon-hidden", address="77 Visible Avenue", city="Laredo")
    assert "77 Visible Avenue" in client.get("/services/soon-hidden/").content.decode()
    assert "77 Visible Avenue" in client.get("/services/?city=US-TX:Laredo").content.decode()
    assert client.get("/services/soon-hidden/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        service.address_confidential = True
        service.save()
    assert "77 Visible Avenue" not in client.get("/services/soon-hidden/").content.decode()
    assert "77 Visible Avenue" not in client.get("/services/?city=US-TX:Laredo").content.decode()
