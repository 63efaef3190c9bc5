"""App configuration for sign-on letters (a Django app of its own inside ``campaigns/``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """Sign-on letter pages, organizations' endorsements, individual signers and their emails."""

    name = "campaigns.letters"
    label = "letters"
    verbose_name = _("Sign-on letters")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the letters' retention steps with the core's purge_supporter_data.
        from campaigns.letters import retention  # noqa: F401
        # Register what answers a letter page's routes (supporter_actions/page_routes.py).
        from campaigns.letters import views  # noqa: F401
