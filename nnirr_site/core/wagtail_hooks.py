"""Admin registrations for the core app's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nnirr_site.core.models import Menu


class MenuViewSet(SnippetViewSet):
    """Menus in the admin, listed with their slug and language."""

    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


register_snippet(MenuViewSet)
