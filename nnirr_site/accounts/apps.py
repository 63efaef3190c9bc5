from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts (two-factor authentication, groups); no models of its own."""

    name = "nnirr_site.accounts"
    label = "accounts"
    verbose_name = _("Staff accounts")
