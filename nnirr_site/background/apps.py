from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """Listed before django_tasks_db, so that its ``db_worker`` command is the one ``manage.py`` runs."""

    name = "nnirr_site.background"
    label = "background"
    verbose_name = _("background worker")
    default_auto_field = "django.db.models.BigAutoField"
