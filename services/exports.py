"""CSV and JSON downloads of the filtered directory, from the public view of services only.

Both take ``PublicService`` objects (``services/disclosure.py``), so a confidential location's
address and coordinates are simply not there to export: its row has the city, state and phone.

The JSON follows Open Referral's HSDS 3.0 field names (``service`` objects with a nested
``organization``, ``phones``, ``schedules``, ``languages``, ``required_documents``, ``cost_options``,
``service_at_locations`` → ``location`` → ``addresses``). What HSDS has no field for — the two
safety questions, the categories, the confidential flag — is kept under ``x_nnirr``, as HSDS
allows for extensions. Ids are the services' translation keys, the same in both languages.
"""

import csv
import io

from django.utils.translation import gettext as _

from services.models import ServiceStatus

HSDS_VERSION = "3.0"
HSDS_STATUS = {
    ServiceStatus.ACTIVE: "active",
    ServiceStatus.TEMPORARILY_CLOSED: "temporarily closed",
    ServiceStatus.CLOSED: "inactive",
}
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def safe_cell(value):
    """A spreadsheet must not read a cell as a formula: prefix ``'`` to one that could be (but not "+52 664 …")."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "@", "\t", "\r") or (text[:1] in ("+", "-") and not text[1:2].isdigit()):
        return "'" + text
    return text


def hours_text(service):
    if service.open_24_hours:
        return _("Open 24 hours")
    parts = [f"{opening.day_name} {opening.opens:%H:%M}–{opening.closes:%H:%M}" for opening in service.hours]
    if service.hours_note:
        parts.append(service.hours_note)
    return "; ".join(parts)


def csv_columns():
    return [
        ("name", _("Name")),
        ("organization_name", _("Organization")),
        ("categories", _("Kinds of help")),
        ("status", _("Status")),
        ("phone", _("Phone")),
        ("email", _("Email")),
        ("website", _("Website")),
        ("address", _("Address")),
        ("city", _("City")),
        ("state", _("State")),
        ("postal_code", _("ZIP or postal code")),
        ("country", _("Country")),
        ("hours", _("Hours")),
        ("languages", _("Languages spoken")),
        ("fees", _("Fees")),
        ("asks_immigration_status", _("Asks about immigration status")),
        ("shares_with_enforcement", _("Shares information with immigration enforcement")),
        ("last_checked", _("Last checked")),
        ("latitude", _("Latitude")),
        ("longitude", _("Longitude")),
        ("url", _("Page")),
    ]


def csv_row(service, absolute):
    values = {
        "name": service.name,
        "organization_name": service.organization_name,
        "categories": "; ".join(service.category_labels),
        "status": service.status_label,
        "phone": service.phone,
        "email": service.email,
        "website": service.website,
        "address": service.address,
        "city": service.city,
        "state": service.state_label,
        "postal_code": service.postal_code,
        "country": service.country,
        "hours": hours_text(service),
        "languages": "; ".join(service.language_labels),
        "fees": service.fees_label,
        "asks_immigration_status": service.asks_status_label,
        "shares_with_enforcement": service.shares_label,
        "last_checked": service.last_verified_on.isoformat() if service.last_verified_on else "",
        "latitude": service.latitude if service.latitude is not None else "",
        "longitude": service.longitude if service.longitude is not None else "",
        "url": absolute(service.url),
    }
    return [safe_cell(values[key]) for key, _label in csv_columns()]


def to_csv(services, absolute):
    """The CSV text (with a byte-order mark, so spreadsheet programs read the accents right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _key, label in csv_columns()])
    for service in services:
        writer.writerow(csv_row(service, absolute))
    return "\ufeff" + out.getvalue()


def hsds_service(service, absolute):
    """One service as an HSDS 3.0 ``service`` object (see the module docstring)."""
    service_id = str(service.translation_key)
    address = {
        "id": f"{service_id}-address",
        "location_id": f"{service_id}-location",
        "address_1": service.address,
        "city": service.city,
        "region": "",
        "state_province": service.state_label,
        "postal_code": service.postal_code,
        "country": service.country,
        "address_type": "physical",
    }
    location = {
        "id": f"{service_id}-location",
        "location_type": "physical",
        "name": service.place,
        "latitude": float(service.latitude) if service.latitude is not None else None,
        "longitude": float(service.longitude) if service.longitude is not None else None,
        "addresses": [address],
    }
    return {
        "id": service_id,
        "name": service.name,
        "description": service.description,
        "url": service.website or None,
        "email": service.email or None,
        "status": HSDS_STATUS.get(service.status, "active"),
        "interpretation_services": _("Interpretation available") if service.interpretation_available else None,
        "fees_description": " ".join(filter(None, [service.fees_label, service.fees_note])),
        "eligibility_description": service.eligibility or None,
        "assured_date": service.last_verified_on.isoformat() if service.last_verified_on else None,
        "last_modified": service.updated_at.isoformat() if service.updated_at else None,
        "organization": {"id": f"{service_id}-organization", "name": service.organization_name},
        "phones": [{"id": f"{service_id}-phone", "number": service.phone, "type": "voice"}] if service.phone else [],
        "languages": [{"code": code, "name": label} for code, label in zip(service.languages, service.language_labels)],
        "required_documents": (
            [] if service.no_documents_required or not service.documents_required
            else [{"id": f"{service_id}-documents", "document": service.documents_required}]
        ),
        "cost_options": [{"option": service.fees_label, "amount_description": service.fees_note or None}],
        "schedules": [
            {
                "id": f"{service_id}-schedule-{i}",
                "freq": "WEEKLY",
                "byday": BYDAY[opening.weekday],
                "opens_at": f"{opening.opens:%H:%M}",
                "closes_at": f"{opening.closes:%H:%M}",
                "timezone": service.time_zone,
                "description": service.hours_note or None,
            }
            for i, opening in enumerate(service.hours)
        ],
        "service_areas": [{"id": f"{service_id}-area", "name": service.service_area}] if service.service_area else [],
        "service_at_locations": [{"id": f"{service_id}-at", "location": location}],
        "x_nnirr": {
            "page": absolute(service.url),
            "categories": service.categories,
            "asks_immigration_status": service.asks_immigration_status,
            "shares_with_enforcement": service.shares_with_enforcement,
            "open_24_hours": service.open_24_hours,
            "no_documents_required": service.no_documents_required,
            "location_confidential": service.address_confidential,
            "information_may_be_out_of_date": service.is_stale,
        },
    }


def to_json_data(services, absolute, language, filters):
    return {
        "hsds_version": HSDS_VERSION,
        "language": language,
        "filters": filters,
        "count": len(services),
        "services": [hsds_service(service, absolute) for service in services],
    }


