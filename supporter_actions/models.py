"""The core's one table: form stamps that have been used, shared by every public supporter form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UsedFormStamp(models.Model):
    """The nonce of a public form's stamp that has been used: each stamp a form hands out is good once.

    Kept in the database so the rule holds across every process; rows older than
    a stamp's maximum age are purged, since such a stamp is refused as expired.
    An action that stores a submission in one SQL statement inserts the nonce in
    that statement (``UsedFormStamp._meta.db_table``), so a stamp stores at most one.
    """

    nonce = models.CharField(max_length=32, primary_key=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("used form stamp")
        verbose_name_plural = _("used form stamps")
