"""App configuration for petitions (a Django app of its own inside ``campaigns/``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    """Petition pages, signatures, their emails and counts."""

    name = "campaigns.petitions"
    label = "petitions"
    verbose_name = _("Petitions")
    default_auto_field = "django.db.models.BigAutoField"
