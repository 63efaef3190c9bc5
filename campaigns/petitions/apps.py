"""App configuration for petitions (a Django app of its own inside ``campaigns/``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    """Petition pages, signatures, their emails and counts."""

    name = "campaigns.petitions"
    label = "petitions"
    verbose_name = _("Petitions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from campaigns.petitions.data_access import ensure_petition_data_group

        post_migrate.connect(ensure_petition_data_group, sender=self, dispatch_uid="petitions.data_group")
        # Registers the petitions' retention steps with the core's purge_supporter_data.
        from campaigns.petitions import retention  # noqa: F401
        # Register what answers a petition page's routes and counts (supporter_actions/page_routes.py).
        from campaigns.petitions import signing, views, withdrawal  # noqa: F401
