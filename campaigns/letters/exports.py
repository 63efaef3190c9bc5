"""The delivery kit of a sign-on letter: its verified signatories as a CSV and the letter itself as a PDF.

Only verified endorsements of the letter (in all its languages) are exported. The CSV has the
public columns (organization, kind, city, state, country, website) and, only when staff with
``letters.view_endorsement_contacts`` ask for them, the contact person's columns; cells a
spreadsheet would run as formulas get a leading apostrophe, and a byte-order mark lets Excel
read accents. The PDF (reportlab; its built-in Helvetica covers Latin-1, so Spanish accents)
has the letter's title, addressee, text as plain paragraphs, the date, the count and the
signatories grouped by state (or country), in the language of the letter chosen.

Each export writes its ``LetterExport`` log row in the transaction that reads the rows, before
the file is handed over.
"""

import csv
import io
from html.parser import HTMLParser
from itertools import groupby
from xml.sax.saxutils import escape

from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from campaigns.letters.models import (
    Endorsement,
    EndorsementStatus,
    ExportFormat,
    IndividualSigner,
    LetterExport,
    OrganizationKind,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PUBLIC_FIELDS = ["organization_name", "kind", "city", "state", "country", "website"]
CONTACT_FIELDS = ["contact_name", "contact_title", "contact_email", "contact_phone"]
# Tests switch compression off to read the PDF's text; deliveries keep it on.
PDF_PAGE_COMPRESSION = 1


def neutralise(value):
    """Text a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def verified(letter):
    """The letter's verified endorsements in every language, in name order."""
    return Endorsement.objects.filter(letter_key=letter.translation_key, status=EndorsementStatus.VERIFIED).order_by(
        "organization_name", "pk"
    )


def place_of(endorsement):
    """Where an organization is listed: its state in the United States, else its country (the public list's rule)."""
    if endorsement.country == "US" or not endorsement.country:
        return endorsement.state or str(countries.name("US"))
    return str(countries.name(endorsement.country)) or endorsement.state


def _log(letter, user, export_format, row_count, language="", with_contacts=False):
    LetterExport.record(
        user,
        row_count,
        letter=letter,
        letter_key=letter.translation_key,
        letter_title=letter.title[:255],
        format=export_format,
        language=language,
        with_contacts=with_contacts,
    )


def _filename(letter, extension):
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    return f"signatories-{slugify(letter.title)[:60] or letter.pk}-{stamp}.{extension}"


def export_csv(letter, user, with_contacts=False):
    """Return ``(filename, bytes)``: the verified signatories as CSV; the export is logged first."""
    kinds = dict(OrganizationKind.choices)
    header = [_("Organization"), _("Kind"), _("City"), _("State or region"), _("Country"), _("Website")]
    if with_contacts:
        header += [_("Contact name"), _("Contact title"), _("Contact email"), _("Contact phone")]
    fields = PUBLIC_FIELDS + (CONTACT_FIELDS if with_contacts else [])
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header)
    with transaction.atomic():
        endorsements = list(verified(letter).only(*fields))
        _log(letter, user, ExportFormat.CSV, len(endorsements), with_contacts=with_contacts)
        for endorsement in endorsements:
            row = [
                endorsement.organization_name,
                kinds.get(endorsement.kind, endorsement.kind),
                endorsement.city,
                endorsement.state,
                endorsement.country.name if endorsement.country else "",
                endorsement.website,
            ]
            if with_contacts:
                row += [getattr(endorsement, name) for name in CONTACT_FIELDS]
            writer.writerow([neutralise(cell) for cell in row])
    return _filename(letter, "csv"), buffer.getvalue().encode("utf-8")


class _Paragraphs(HTMLParser):
    """Plain-text paragraphs of rich text: one per paragraph, heading or list item."""

    BLOCKS = {"p", "h2", "h3", "h4", "li", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def close(self):
        super().close()
        self._flush()


def plain_paragraphs(rich_text):
    parser = _Paragraphs()
    parser.feed(str(rich_text or ""))
    parser.close()
    return parser.paragraphs


def _individual_count(letter):
    if not letter.allow_individuals:
        return 0
    return IndividualSigner.objects.filter(
        letter_key=letter.translation_key, confirmed_at__isnull=False, flagged=False
    ).count()


def render_pdf(letter, endorsements, individuals=0):
    """The letter and its signatories as PDF bytes, in the active language."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = [Paragraph(escape(letter.title), styles["Title"])]
    story.append(Paragraph(escape(_("To: %(addressee)s") % {"addressee": letter.addressee}), styles["Heading3"]))
    story += [Paragraph(escape(text), body) for text in plain_paragraphs(letter.letter_text)]
    story.append(Spacer(1, 0.2 * inch))
    story.append(Paragraph(escape(date_format(timezone.localdate(), "DATE_FORMAT")), body))
    count = ngettext("%(count)s organization signed.", "%(count)s organizations signed.", len(endorsements)) % {
        "count": len(endorsements)
    }
    if individuals:
        count += " " + ngettext(
            "%(count)s individual signed.", "%(count)s individuals signed.", individuals
        ) % {"count": individuals}
    story.append(Paragraph(escape(count), body))
    story.append(Paragraph(escape(_("Signatories")), styles["Heading2"]))
    ordered = sorted(endorsements, key=lambda e: (place_of(e).casefold(), e.organization_name.casefold()))
    for place, members in groupby(ordered, key=place_of):
        story.append(Paragraph(escape(place), styles["Heading3"]))
        for endorsement in members:
            where = ", ".join(part for part in (endorsement.city, endorsement.state) if part)
            line = escape(endorsement.organization_name) + (f" — {escape(where)}" if where else "")
            story.append(Paragraph(line, body))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=letter.title,
        author=_("National Network for Immigrant and Refugee Rights"),
        lang=translation.get_language(),
        pageCompression=PDF_PAGE_COMPRESSION,
        invariant=0 if PDF_PAGE_COMPRESSION else 1,
    )
    document.build(story)
    return buffer.getvalue()


def export_pdf(letter, user):
    """Return ``(filename, bytes)``: the letter with its verified signatories in ``letter``'s language; logged first."""
    language = letter.locale.language_code
    with transaction.atomic():
        endorsements = list(verified(letter).only(*PUBLIC_FIELDS))
        individuals = _individual_count(letter)
        _log(letter, user, ExportFormat.PDF, len(endorsements), language=language)
    with translation.override(language):
        content = render_pdf(letter, endorsements, individuals)
    return _filename(letter, "pdf"), content
