"""Admin URLs for two-factor authentication, a link to them from the account page, and the second factor
for pages and documents restricted to signed-in users (``restricted_content.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from nnirr_site.accounts import restricted_content, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/setup/", views.setup, name="accounts_2fa_setup"),
        path("2fa/verify/", views.verify, name="accounts_2fa_verify"),
        path("2fa/recovery-codes/", views.recovery_codes, name="accounts_2fa_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_items(request):
    return {"url": reverse("accounts_2fa_recovery_codes"), "label": _("Two-factor authentication")}


hooks.register("before_serve_page", restricted_content.for_page)
hooks.register("before_serve_document", restricted_content.for_document)
