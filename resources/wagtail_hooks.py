"""Admin: a flat, filterable listing of every resource, beside the page tree.

Staff looking for "all Spanish toolkits" or "everything from 2020" should not
have to walk the page tree; this listing filters by kind, year and language and
exports to CSV or Excel. An editor who opens a resource from it goes back to it after
publishing.
"""

from urllib.parse import urlencode, urlsplit

from django.shortcuts import redirect
from django.urls import reverse
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


def _back_to_library(request, page_class):
    """Coming from the resource library to edit or add a resource: carry the library's address as ``next``.

    Wagtail's page editor keeps ``next`` through saves and goes there after publishing, so the
    editor lands back in the (filtered) library instead of in the page explorer.
    """
    if request.method != "GET" or "next" in request.GET or not issubclass(page_class, ResourcePage):
        return None
    referrer = urlsplit(request.META.get("HTTP_REFERER", ""))
    library = reverse("resource_pages:index")
    if referrer.path != library or (referrer.netloc and referrer.netloc != request.get_host()):
        return None
    back = library + (f"?{referrer.query}" if referrer.query else "")
    return redirect(f"{request.path}?{urlencode({'next': back})}")


@hooks.register("before_edit_page")
def edit_from_library(request, page):
    return _back_to_library(request, page.specific_class)


@hooks.register("before_create_page")
def create_from_library(request, parent_page, page_class):
    return _back_to_library(request, page_class)
