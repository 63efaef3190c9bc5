"""App configuration for the email list (label ``email_list``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmailListConfig(AppConfig):
    """Mailing lists, subscribers and their consent history, digests and their per-recipient sends."""

    name = "email_list"
    label = "email_list"
    verbose_name = _("Email list")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from email_list import receivers

        receivers.connect()
