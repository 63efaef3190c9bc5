"""The read-only admin of an export log (``supporter_actions.export_log``): a listing and one entry's page.

``read_only_log_viewset`` registers the permission policy (only the model's
``view`` permission, which superusers hold, reads the log; nobody may add,
change or delete) and returns the viewset for a ``register_admin_viewset`` hook.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy


class ReadOnlyLogPolicy(BasePermissionPolicy):
    """Whoever holds the log's view permission (superusers do) may read it; nobody may add, change or delete."""

    @property
    def view_permission(self):
        return f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(self.view_permission)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(pk__in=[user.pk for user in users if user.has_perm(self.view_permission)])


# Each export log model and the URL namespace of its admin views (tests check every log has one).
LOG_VIEWSETS = {}


def readable(fields):
    """The listed fields with the stored ``filters`` replaced by the entry's ``filters_summary`` in words."""
    fields = [("filters_summary" if field == "filters" else field) for field in fields]
    return fields if "filters_summary" in fields else [*fields, "filters_summary"]


def read_only_log_viewset(model, name, **options):
    """A ``ModelViewSet`` for ``model`` with listing and inspect views only; ``options`` set its attributes.

    Every log lists and shows ``filters_summary`` (what was exported, in words) instead of raw filters.
    """
    register_permission_policy(model, ReadOnlyLogPolicy(model))
    for key in ("list_display", "inspect_view_fields"):
        if key in options:
            options[key] = readable(options[key])
    attributes = {
        "model": model,
        "icon": "history",
        "add_to_admin_menu": True,
        "inspect_view_enabled": True,
        "form_fields": [],
        "copy_view_enabled": False,
        **options,
    }
    LOG_VIEWSETS[model] = name
    viewset_class = type(f"{model.__name__}LogViewSet", (ModelViewSet,), attributes)
    return viewset_class(name)
