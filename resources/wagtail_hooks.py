"""Admin: a flat, filterable listing of every resource, beside the page tree.

Staff looking for "all Spanish toolkits" or "everything from 2020" should not
have to walk the page tree; this listing filters by kind, year and language and
exports to CSV or Excel.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from resources.models import ResourcePage


class ResourcePageFilterSet(PageListingViewSet.filterset_class):
    """The page listing's filters plus the catalog fields."""

    class Meta:
        model = ResourcePage
        fields = ["kind", "publication_year"]


class ResourcePageIndexView(PageListingViewSet.index_view_class):
    list_export = ["pk", "title", "kind", "publication_year", "languages", "url"]


class ResourcePageListingViewSet(PageListingViewSet):
    """Every resource, with its kind and year, filterable and exportable."""

    model = ResourcePage
    icon = "doc-full-inverse"
    menu_label = _("Resource library")
    add_to_admin_menu = True
    menu_order = 320
    columns = PageListingViewSet.columns + [
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("publication_year", label=_("Year"), sort_key="publication_year"),
    ]
    index_view_class = ResourcePageIndexView
    filterset_class = ResourcePageFilterSet


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return ResourcePageListingViewSet("resource_pages")
