"""The directory page: demo content, filters that combine with counts, bad input, pagination, a service's page."""

import re
from html import unescape
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Q
from wagtail.models import Locale

from services.filtering import ServiceFilter
from services.models import Category, Service, ServiceStatus

pytestmark = pytest.mark.django_db


def get(client, path="/services/", **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def names(html):
    return [unescape(name) for name in re.findall(r'<h3 class="service__name"><a href="[^"]+">([^<]+)</a></h3>', html)]


def option(html, name, value):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]+)</option>', select).group(1)


def results_count(html):
    return int(re.search(r'id="results" tabindex="-1">\s*(\d+) servic', html).group(1))


def public_english():
    return Service.objects.filter(locale=Locale.get_default()).exclude(status=ServiceStatus.CLOSED)


def test_demo_directory_in_english_and_spanish(client):
    english = public_english()
    assert 38 <= english.count() <= 45
    assert all("Demo" in s.organization_name for s in english)
    assert all(s.email.endswith("@example.org") for s in english)
    for category in Category.values:
        assert english.filter(categories__contains=[category]).exists(), category
    assert set(english.values_list("state", flat=True)) >= {
        "US-CA", "US-AZ", "US-NM", "US-TX", "MX-BCN", "MX-SON", "MX-CHH", "MX-TAM"
    }
    assert english.filter(address_confidential=True).count() >= 3
    assert english.filter(status=ServiceStatus.TEMPORARILY_CLOSED).count() >= 2
    assert sum(1 for s in english if s.is_stale) >= 3
    spanish = Service.objects.filter(locale__language_code="es")
    assert spanish.count() == Service.objects.filter(locale=Locale.get_default()).count()
    html = get(client)
    assert "<h1>Border services</h1>" in html
    assert results_count(html) == english.count()
    html_es = get(client, "/es/servicios/")
    assert "<h1>Servicios en la frontera</h1>" in html_es
    assert "Albergue para familias" in html_es
    assert "servicios" in html_es
    assert results_count(html_es) == english.count()


def test_filters_work_without_javascript(client):
    html = get(client)
    form = re.search(r'<form class="services-filters" method="get" action="/services/".*?</form>', html, re.S).group(0)
    for name in ["category", "state", "city", "language"]:
        assert f'<label for="id_{name}">' in form
        assert f'<select name="{name}" id="id_{name}">' in form
    for name in ["q", "free", "no_status_question", "open"]:
        assert f'name="{name}"' in form
    assert "<script" not in html


def test_filters_combine_and_count(client):
    english = public_english()
    html = get(client, category="legal", state="US-TX")
    expected = english.filter(categories__contains=["legal"], state="US-TX")
    assert sorted(names(html)) == sorted(expected.values_list("name", flat=True))
    assert results_count(html) == expected.count() > 0
    # Counts of one filter's options take the other filters into account, not their own.
    assert option(html, "category", "legal") == f"Legal help ({expected.count()})"
    assert option(html, "category", "shelter") == (
        f"Shelter ({english.filter(categories__contains=['shelter'], state='US-TX').count()})"
    )
    assert option(html, "state", "US-AZ") == f"Arizona ({english.filter(categories__contains=['legal'], state='US-AZ').count()})"
    assert re.search(r'<option value="legal" selected>', html)
    assert "Kind of help: Legal help" in html and "State: Texas" in html

    html = get(client, state="MX-SON", free="1", no_status_question="1")
    expected = english.filter(state="MX-SON", fees="free", asks_immigration_status="no")
    assert sorted(names(html)) == sorted(expected.values_list("name", flat=True))

    html = get(client, language="ht", state="MX-BCN")
    expected = english.filter(languages__contains=["ht"], state="MX-BCN")
    assert sorted(names(html)) == sorted(expected.values_list("name", flat=True)) and expected.exists()

    html = get(client, city="MX-SON:Nogales")
    assert sorted(names(html)) == sorted(english.filter(state="MX-SON", city="Nogales").values_list("name", flat=True))
    assert "Demo Ambos Nogales Health" not in html  # Nogales, Arizona is another city

    html = get(client, q="asilo")  # words in the description, accents folded ("asilo" in English text is absent)
    assert results_count(html) == 0
    html = get(client, q="ASYLUM")
    assert results_count(html) == english.filter(Q(description__icontains="asylum") | Q(name__icontains="asylum")).count()


def test_removing_one_filter_keeps_the_others(client):
    html = get(client, category="legal", state="US-TX")
    assert 'href="?state=US-TX#results">Kind of help: Legal help' in html
    assert 'href="?category=legal#results">State: Texas' in html


def test_open_now_follows_each_service_time_zone(service_maker):
    # Wednesday 18:30 UTC is 11:30 in Tijuana (Pacific, UTC-7 in May) and 13:30 in Texas (Central, UTC-5).
    now = datetime(2026, 5, 13, 18, 30, tzinfo=ZoneInfo("UTC"))
    tijuana = service_maker(state="MX-BCN", city="Tijuana", hours=[(2, time(9), time(12))])
    texas = service_maker(state="US-TX", city="Laredo", hours=[(2, time(9), time(12))])
    evening = service_maker(state="US-TX", city="Laredo", hours=[(2, time(17), time(21))])
    late = service_maker(state="US-TX", city="Laredo", hours=[(1, time(20), time(14))])  # Tuesday 20:00 to Wednesday 14:00
    closed = service_maker(state="MX-BCN", city="Tijuana", hours=[(2, time(9), time(12))],
                           status=ServiceStatus.TEMPORARILY_CLOSED)
    always = service_maker(state="US-AZ", city="Yuma", open_24_hours=True)
    ids = {s.pk for s in (tijuana, texas, evening, late, closed, always)}
    services = Service.objects.filter(pk__in=ids)
    found = set(ServiceFilter({"open": "on"}, services, now=now).results().values_list("pk", flat=True))
    assert found == {tijuana.pk, late.pk, always.pk}


@pytest.mark.parametrize(
    "params",
    [
        {"category": "spaceships"},
        {"lat": "abc", "lng": "1e999"},
        {"q": "x" * 5000},
        {"q": "nul\x00byte"},
        {"city": "Atlantis"},
        {"city": "US-TX:" + "y" * 3000},
        {"state": ["US-TX", "MX-SON"]},
        {"page": "-1"},
        {"page": "abc"},
        {"free": "maybe", "open": "<script>"},
        {"language": "klingon", "category": "%00"},
    ],
)
def test_bad_filter_values_never_fail(client, params):
    response = client.get("/services/", params)
    assert response.status_code == 200
    assert client.get("/services/export/csv/", params).status_code == 200
    assert client.get("/services/export/json/", params).status_code == 200


def test_unknown_values_are_ignored_and_said_so(client):
    html = get(client, category="spaceships", state="US-TX")
    assert "Some filter values were not recognized and have been ignored." in html
    assert results_count(html) == public_english().filter(state="US-TX").count()


def test_pagination_keeps_filters_and_survives_bad_pages(client, service_maker):
    for n in range(55):
        service_maker(name=f"Bulk service {n:03d}", state="US-NM", city="Deming", categories=["food"])
    html = get(client, state="US-NM", category="food")
    count = public_english().filter(state="US-NM", categories__contains=["food"]).count()
    assert results_count(html) == count
    assert len(names(html)) == 50
    assert 'href="?state=US-NM&amp;category=food&amp;page=2"' in html
    page_two = get(client, state="US-NM", category="food", page="2")
    assert len(names(page_two)) == count - 50
    assert names(get(client, state="US-NM", category="food", page="999")) == names(page_two)


def test_service_page_shows_safety_freshness_and_click_to_call(client):
    html = get(client, "/services/demo-harlingen-public-clinic/")
    assert "<h1>County health clinic</h1>" in html
    assert "Asks about immigration status" in html
    assert "Shares information with immigration enforcement" in html
    assert 'href="tel:+19565550123"' in html
    assert "Last checked:" in html
    assert "Suggest a correction" in html
    html_es = get(client, "/es/servicios/demo-harlingen-public-clinic/")
    assert "Pregunta por el estatus migratorio" in html_es
    assert client.get("/services/no-such-service/").status_code == 404
    assert client.post("/services/demo-harlingen-public-clinic/").status_code == 405


def test_stale_services_say_so_publicly(client):
    stale = Service.objects.get(slug="demo-ojinaga-rides", locale=Locale.get_default())
    assert stale.is_stale
    assert "Information may be out of date" in get(client, f"/services/{stale.slug}/")
    fresh = Service.objects.get(slug="demo-tijuana-dining-hall", locale=Locale.get_default())
    assert "Information may be out of date" not in get(client, f"/services/{fresh.slug}/")
    listing = get(client, city="MX-CHH:Ojinaga")
    assert "Information may be out of date" in listing


def test_closed_services_are_not_public(client, service_maker):
    gone = service_maker(name="Closed for good", status=ServiceStatus.CLOSED)
    assert "Closed for good" not in get(client, state="US-TX")
    assert client.get(f"/services/{gone.slug}/").status_code == 404


def test_facts_are_shared_between_translations(service_maker):
    service = service_maker(name="Shared facts", address="1 Open Street")
    spanish = service.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name = "Datos compartidos"
    spanish.save()
    assert spanish.address == "1 Open Street"
    # Marking the English one confidential marks the Spanish one too.
    service.address_confidential = True
    service.phone = "+1 915-555-0100"
    service.save()
    spanish.refresh_from_db()
    assert spanish.address_confidential and spanish.phone == "+1 915-555-0100"
    assert spanish.name == "Datos compartidos"


def test_wagtail_localize_offers_only_the_words_and_keeps_the_facts(service_maker):
    from wagtail_localize.models import TranslationSource

    service = service_maker(name="Localized", address="1 Main Street", address_confidential=True,
                            eligibility="Adults", hours=[(1, time(9), time(12))])
    source, _created = TranslationSource.get_or_create_from_instance(service)
    paths = sorted(segment.context.path for segment in source.stringsegment_set.all())
    assert paths == ["description", "eligibility", "name"]
    spanish, _created = source.create_or_update_translation(Locale.objects.get(language_code="es"), fallback=True)
    assert spanish.address_confidential and spanish.address == "1 Main Street" and spanish.slug == service.slug
    assert spanish.hours.count() == 1
