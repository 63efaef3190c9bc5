"""The From address of supporter emails, with the organization's name in the recipient's language.

``DEFAULT_FROM_EMAIL`` holds one display name (English, "National Network for Immigrant and
Refugee Rights <info@…>"); a Spanish email should come from "Red Nacional por los Derechos de
Inmigrantes y Refugiados <info@…>". The address stays the same. A display name set through the
environment that is not the organization's English name is kept as it is, in every language.
"""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop

ORGANIZATION_NAME = gettext_noop("National Network for Immigrant and Refugee Rights")


def from_address(language):
    """``DEFAULT_FROM_EMAIL`` with its display name translated into ``language`` (when it is ours)."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if not address or name != ORGANIZATION_NAME:
        return settings.DEFAULT_FROM_EMAIL
    with translation.override(language):
        return formataddr((translation.gettext(ORGANIZATION_NAME), address))
