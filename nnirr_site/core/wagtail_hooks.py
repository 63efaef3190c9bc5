"""Admin registrations for the core app: the menus snippet and the dashboard's morning panel."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nnirr_site.core.dashboard import MorningPanel
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


@hooks.register("construct_homepage_panels")
def add_morning_panel(request, panels):
    """Signatures and sign-ups of the week, what waits for staff and undelivered emails, first on the dashboard."""
    panels.insert(0, MorningPanel(request))
