"""The CSV a delivery needs: counted signatures of one petition, safe to open in a spreadsheet.

Columns: name, ZIP/postal code, country, date (in the petition's time zone)
and, only for signers who asked for news or when staff explicitly choose
so, the email address. Every cell that a spreadsheet would read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
leading apostrophe. The file is UTF-8 with a byte-order mark so Excel shows
“Ramírez” correctly. Each export writes a ``SignatureExport`` log row in the
same transaction that reads the rows, with the exact number of rows handed over.
"""

import csv
import io

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from campaigns.petitions.models import Signature, SignatureExport
from campaigns.petitions.queries import filter_signatures, petition_zone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class EmailColumn:
    """Whose email addresses go into the export."""

    NONE = "none"
    OPTED_IN = "opted_in"
    ALL = "all"


def neutralise(value):
    """Text a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_queryset(petition, date_from=None, date_to=None, opted_in_only=False):
    """Counted signatures of the petition, oldest first, optionally limited by signing date and news opt-in."""
    queryset = filter_signatures(
        Signature.objects.filter(petition_key=petition.translation_key, counted_at__isnull=False),
        petition_zone(petition),
        date_from=date_from,
        date_to=date_to,
        opted_in=opted_in_only,
    )
    return queryset.order_by("created_at", "pk")


def rows(queryset, petition, emails):
    """Header and data rows, neutralised."""
    zone = petition_zone(petition)
    header = [_("Name"), _("ZIP or postal code"), _("Country"), _("Date signed")]
    if emails != EmailColumn.NONE:
        header.append(_("Email"))
    yield header
    fields = ("first_name", "last_name", "postal_code", "country", "created_at", "email", "opt_in_news")
    for signature in queryset.only(*fields).iterator(chunk_size=2000):
        row = [
            f"{signature.first_name} {signature.last_name}".strip(),
            signature.postal_code,
            signature.country.name if signature.country else "",
            signature.created_at.astimezone(zone).date().isoformat(),
        ]
        if emails == EmailColumn.ALL or (emails == EmailColumn.OPTED_IN and signature.opt_in_news):
            row.append(signature.email)
        elif emails != EmailColumn.NONE:
            row.append("")
        yield [neutralise(cell) for cell in row]


def export_csv(petition, user, filters, emails=EmailColumn.OPTED_IN):
    """Return ``(filename, bytes)`` of the CSV and log the export; ``filters`` as given to ``export_queryset``."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    queryset = export_queryset(petition, **filters)
    with transaction.atomic():
        count = -1
        for row in rows(queryset, petition, emails):
            writer.writerow(row)
            count += 1
        SignatureExport.record(
            user,
            count,
            petition=petition,
            petition_key=petition.translation_key,
            petition_title=petition.title,
            filters={key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in filters.items()},
            with_emails=emails,
        )
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    filename = f"signatures-{slugify(petition.title)[:60] or petition.pk}-{stamp}.csv"
    return filename, buffer.getvalue().encode("utf-8")
