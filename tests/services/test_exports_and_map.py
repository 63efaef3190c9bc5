"""CSV and JSON exports parse and match the filtered list; the map's markers link to each city's list;
the feed and the query counts of the directory."""

import csv
import io
import json
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from services.models import Service, ServiceStatus

pytestmark = pytest.mark.django_db


def listed_names(client, path, **params):
    html = client.get(path, params).content.decode()
    return sorted(unescape(n) for n in re.findall(r'<h3 class="service__name"><a href="[^"]+">([^<]+)</a></h3>', html))


@pytest.mark.parametrize(
    "params",
    [{}, {"category": "legal"}, {"state": "MX-SON", "free": "1"}, {"language": "es", "no_status_question": "1"},
     {"city": "US-TX:El Paso"}, {"q": "shelter"}, {"category": "shelter", "state": "US-CA"}],
)
def test_exports_parse_and_match_the_filtered_list(client, params):
    expected = listed_names(client, "/services/", **params)
    response = client.get("/services/export/csv/", params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="border-services.csv"' == response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row["Name"] for row in rows) == expected
    data = json.loads(client.get("/services/export/json/", params).content)
    assert data["hsds_version"] == "3.0" and data["count"] == len(expected)
    assert sorted(service["name"] for service in data["services"]) == expected
    for service in data["services"]:
        assert set(service) >= {"id", "name", "description", "status", "organization", "phones", "schedules",
                                "languages", "service_at_locations", "x_nnirr"}
        assert service["status"] in ("active", "temporarily closed")


def test_spanish_exports_are_in_spanish(client):
    rows = list(csv.DictReader(io.StringIO(
        client.get("/es/servicios/export/csv/", {"state": "MX-SON"}).content.decode("utf-8-sig"))))
    assert rows and "Nombre" in rows[0] and "Teléfono" in rows[0]
    assert any(row["Nombre"] == "Albergue para migrantes" for row in rows)
    data = json.loads(client.get("/es/servicios/export/json/", {"state": "MX-SON"}).content)
    assert data["language"] == "es"
    assert all(s["x_nnirr"]["page"].startswith("http") and "/es/servicios/" in s["x_nnirr"]["page"]
               for s in data["services"])


def test_export_rows_have_the_facts_and_no_formula_cells(client, service_maker):
    service_maker(name="=HYPERLINK(\"http://evil.example\")", slug="formula", city="Laredo", state="US-TX",
                  phone="+52 664 555 0100", address="9 Plain Street", latitude="27.5", longitude="-99.5")
    rows = list(csv.DictReader(io.StringIO(
        client.get("/services/export/csv/", {"city": "US-TX:Laredo"}).content.decode("utf-8-sig"))))
    row = next(r for r in rows if "HYPERLINK" in r["Name"])
    assert row["Name"].startswith("'=")
    assert row["Phone"] == "+52 664 555 0100"  # a phone number is not mistaken for a formula
    assert row["Address"] == "9 Plain Street" and row["Latitude"] == "27.500000"
    data = json.loads(client.get("/services/export/json/", {"city": "US-TX:Laredo"}).content)
    entry = next(s for s in data["services"] if "HYPERLINK" in s["name"])
    assert entry["service_at_locations"][0]["location"]["latitude"] == 27.5


def test_map_has_one_marker_per_city_linking_to_its_list(client):
    html = client.get("/services/", {"category": "legal"}).content.decode()
    svg = html[html.index('<svg class="border-map__svg"'):html.index('</svg>', html.index('<svg class="border-map__svg"')) + 6]
    assert "<script" not in html
    markers = re.findall(r'<a class="marker" href="([^"]+)" aria-label="([^"]+)">', svg)
    english = Service.objects.filter(locale=Locale.get_default(), categories__contains=["legal"]).exclude(
        status=ServiceStatus.CLOSED)
    cities = set(english.values_list("state", "city"))
    assert len(markers) == len(cities)
    for href, label in markers:
        href = unescape(href)
        assert href.startswith("?category=legal&city=") and href.endswith("#results")
        names = listed_names(client, "/services/" + href.split("#")[0])
        count = int(re.search(r": (\d+) service", unescape(label)).group(1))
        assert len(names) == count
    # The text alternative lists the same cities with the same links.
    alternative = html[html.index('<ul class="border-map__cities">'):]
    for href, _label in markers:
        assert f'<li><a href="{href}">' in alternative
    # Nothing on the map comes from another site.
    assert "http" not in svg


def test_feed_lists_services_in_the_page_language(client):
    response = client.get("/services/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert xml.count("<entry>") == 30
    assert "Demo" in xml
    xml_es = client.get("/es/servicios/feed/").content.decode()
    assert "/es/servicios/" in xml_es and "Albergue" in xml_es


def count_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def add_services(count, start):
    """``count`` services spread over the demo's states and cities, all with hours and several categories."""
    from datetime import time

    from services.models import ServiceHours

    states = [("US-TX", "El Paso"), ("MX-SON", "Nogales"), ("US-CA", "San Diego"), ("MX-TAM", "Reynosa"),
              ("US-AZ", "Bulk City")]
    english = Locale.get_default()
    services = Service.objects.bulk_create(
        Service(
            locale=english, name=f"Bulk {n}", slug=f"bulk-{n}", organization_name="Demo Bulk", description="Bulk.",
            categories=["legal", "food"] if n % 2 else ["shelter"], languages=["en", "es"],
            state=states[n % 5][0], city=states[n % 5][1], country=states[n % 5][0][:2], phone="+1 555-0100",
            time_zone="America/Chicago", latitude="31.5", longitude="-106.5", address_confidential=bool(n % 3 == 0),
        )
        for n in range(start, start + count)
    )
    ServiceHours.objects.bulk_create(
        ServiceHours(service=s, weekday=day, opens=time(9), closes=time(17), sort_order=day)
        for s in services for day in range(5)
    )


@pytest.mark.parametrize("url", ["/services/", "/services/?category=legal&state=US-TX&open=1&q=Bulk",
                                 "/services/?city=US-AZ:Bulk+City&page=2"])
def test_directory_queries_stay_flat_from_10_to_1000_services(client, url):
    add_services(10, 0)
    few = count_queries(client, url)
    add_services(990, 10)
    many = count_queries(client, url)
    assert many == few, (few, many)
    assert few <= 20


def test_export_queries_stay_flat(client):
    add_services(10, 0)
    few = count_queries(client, "/services/export/json/")
    add_services(500, 10)
    assert count_queries(client, "/services/export/json/") == few
