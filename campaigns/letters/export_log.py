"""The export log of sign-on letters: one row per delivery-kit download (CSV or PDF), written first, never changed.

It is a model module of its own (re-exported from ``models``) so the staff side of letters
grows beside the letter and endorsement models without crowding them; the rule is the
petitions' one (``SignatureExport``): ``save`` refuses updates, ``delete`` refuses deletion,
and the admin grants nobody add, change or delete on it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    PDF = "pdf", "PDF"


class LetterExport(models.Model):
    """One export of a letter's verified signatories: who, when, which letter, which format, how many rows."""

    created_at = models.DateTimeField(_("exported at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("username"), max_length=150, help_text=_("Kept if the account is deleted."))
    letter = models.ForeignKey(
        "letters.SignOnLetterPage", verbose_name=_("letter"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    letter_key = models.UUIDField(_("letter key"))
    letter_title = models.CharField(_("letter title"), max_length=255)
    format = models.CharField(_("format"), max_length=10, choices=ExportFormat.choices)
    language = models.CharField(_("language"), max_length=10, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    with_contacts = models.BooleanField(_("with contact persons"), default=False)

    class Meta:
        app_label = "letters"
        verbose_name = _("sign-on letter export")
        verbose_name_plural = _("sign-on letter export log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.letter_title} · {self.format} · {self.username} · {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Letter export log entries cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Letter export log entries cannot be deleted.")
