"""The export log rule, once for every action: each export of supporters' data writes a row first, never changed.

An action's log is a model of its own (``SignatureExport`` for petitions,
``LetterExport`` for sign-on letters, the email list's …) that inherits
``ExportLogEntry``: who exported, when, and how many rows, plus the columns the
action needs (filters, format, language). The rule lives here: ``save`` refuses
updates, ``delete`` refuses deletion, ``record`` is the one way an export
writes its row, and ``supporter_actions.log_admin`` gives every log the same
read-only admin listing. ``tests/supporter_actions/test_export_log.py`` checks
every subclass it finds, so a new action's log is covered by the same tests.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportLogEntry(models.Model):
    """One export of supporters' data: who, when, how many rows. Write-once."""

    created_at = models.DateTimeField(_("exported at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("username"), max_length=150, help_text=_("Kept if the account is deleted."))
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @classmethod
    def record(cls, user, row_count, **fields):
        """Write the log row of an export by ``user`` (call it inside the transaction that reads the rows)."""
        return cls.objects.create(user=user, username=user.get_username()[:150], row_count=row_count, **fields)

    def filters_summary(self):
        """What the export included, in words staff read (not the stored ``{'date_to': None, …}``).

        Each action's log says it in its own terms; the read-only admin shows it in place of
        the raw ``filters`` column (``supporter_actions.log_admin``).
        """
        return ""

    filters_summary.short_description = _("what was exported")

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError(f"{self._meta.verbose_name} entries cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{self._meta.verbose_name} entries cannot be deleted.")


def export_logs():
    """Every concrete export log model of the installed apps."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, ExportLogEntry)]
