"""The export log of sign-on letters: one row per delivery-kit download (CSV or PDF), written first, never changed.

It is a model module of its own (re-exported from ``models``) so the staff side of letters
grows beside the letter and endorsement models without crowding them; the write-once rule and
the read-only admin are the core's (``supporter_actions.export_log``, ``supporter_actions.log_admin``).
"""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from supporter_actions.export_log import ExportLogEntry


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    PDF = "pdf", "PDF"


class LetterExport(ExportLogEntry):
    """One export of a letter's verified signatories: who, when, which letter, which format, how many rows."""

    letter = models.ForeignKey(
        "letters.SignOnLetterPage", verbose_name=_("letter"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    letter_key = models.UUIDField(_("letter key"))
    letter_title = models.CharField(_("letter title"), max_length=255)
    format = models.CharField(_("format"), max_length=10, choices=ExportFormat.choices)
    language = models.CharField(_("language"), max_length=10, blank=True)
    with_contacts = models.BooleanField(_("with contact persons"), default=False)

    class Meta(ExportLogEntry.Meta):
        app_label = "letters"
        verbose_name = _("sign-on letter export")
        verbose_name_plural = _("sign-on letter export log")

    def __str__(self):
        return f"{self.letter_title} · {self.format} · {self.username} · {self.created_at:%Y-%m-%d %H:%M}"

    def filters_summary(self):
        """For example "PDF in Spanish; verified signatories with their contact persons"."""
        kind = self.get_format_display()
        if self.language:
            try:
                language = get_language_info(self.language)["name_translated"]
            except KeyError:
                language = self.language
            kind = _("%(format)s in %(language)s") % {"format": kind, "language": language}
        who = _("verified signatories with their contact persons") if self.with_contacts else _(
            "verified signatories, without contact persons")
        return f"{kind}; {who}"

    filters_summary.short_description = _("what was exported")
