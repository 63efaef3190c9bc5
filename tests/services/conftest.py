"""Fixtures for the border services directory: the demo directory pages and a quick service maker."""

import itertools
from datetime import time

import pytest
from django.utils import timezone
from wagtail.models import Locale

from services.models import Service, ServiceHours
from services.pages import ServiceDirectoryPage

_numbers = itertools.count()

# A street and coordinates that must never appear anywhere public.
SECRET_STREET = "4321 Hidden Safehouse Road"
SECRET_LATITUDE = "31.777777"
SECRET_LONGITUDE = "-106.444444"


@pytest.fixture
def directory():
    return ServiceDirectoryPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def directory_es():
    return ServiceDirectoryPage.objects.get(locale__language_code="es")


def make_service(locale=None, hours=(), **fields):
    """A saved service with sensible defaults; ``hours`` is a list of (weekday, opens, closes)."""
    number = next(_numbers)
    fields.setdefault("name", f"Test service {number}")
    fields.setdefault("slug", f"test-service-{number}")
    fields.setdefault("organization_name", f"Test Organization {number}")
    fields.setdefault("description", "A test service.")
    fields.setdefault("categories", ["legal"])
    fields.setdefault("city", "Testville")
    fields.setdefault("state", "US-TX")
    fields.setdefault("phone", "+1 915-555-0199")
    fields.setdefault("last_verified_on", timezone.localdate())
    service = Service(locale=locale or Locale.get_default(), **fields)
    service.save()
    ServiceHours.objects.bulk_create(
        ServiceHours(service=service, weekday=day, opens=opens, closes=closes, sort_order=i)
        for i, (day, opens, closes) in enumerate(hours)
    )
    return service


@pytest.fixture
def service_maker():
    return make_service


@pytest.fixture
def secret_shelter():
    """A confidential shelter in El Paso with a street address and exact coordinates, in English and Spanish."""
    shelter = make_service(
        name="Hidden Test Shelter",
        slug="hidden-test-shelter",
        organization_name="Test Safe House Network",
        categories=["shelter"],
        city="El Paso",
        state="US-TX",
        address=SECRET_STREET,
        postal_code="79999",
        latitude=SECRET_LATITUDE,
        longitude=SECRET_LONGITUDE,
        address_confidential=True,
        phone="+1 915-555-0198",
        hours=[(day, time(0, 0), time(23, 59)) for day in range(7)],
    )
    spanish = shelter.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name = "Albergue oculto de prueba"
    spanish.save()
    return shelter
