"""Who may see signers' personal data: the ``view_signature_data`` permission and the "Petition data" group.

The group is created (with that permission and admin access) after every
``migrate``, so it exists in production as well as in the demo; staff who
deliver petitions are added to it by an administrator. Editors and moderators
outside it see petition totals only.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

PETITION_DATA_GROUP = "Petition data"
DATA_PERMISSION_CODENAME = "view_signature_data"


def ensure_petition_data_group(**_kwargs):
    """Create the group and the permissions it holds if they are missing; return the group."""
    from campaigns.petitions.models import Signature

    content_type = ContentType.objects.get_for_model(Signature)
    data_permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=DATA_PERMISSION_CODENAME,
        defaults={"name": str(_("Can see and export signers' personal data"))[:255]},
    )
    group, _created = Group.objects.get_or_create(name=PETITION_DATA_GROUP)
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    group.permissions.add(*[permission for permission in (data_permission, admin_access) if permission])
    return group
