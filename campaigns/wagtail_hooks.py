"""Admin: "Campaigns" in the main menu, a flat listing of every campaign beside the page tree.

Staff looking for the active campaigns or the ones of a program should not have to walk the
page tree; the listing shows status and dates and filters by status and program.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet

from campaigns.models import CampaignPage


class CampaignPageFilterSet(PageListingViewSet.filterset_class):
    """The page listing's filters plus status and program."""

    class Meta:
        model = CampaignPage
        fields = ["status", "program"]


class CampaignPageListingViewSet(PageListingViewSet):
    """Every campaign with its status and dates, filterable by status and program."""

    model = CampaignPage
    icon = "tasks"
    menu_label = _("Campaigns")
    add_to_admin_menu = True
    menu_order = 150
    columns = PageListingViewSet.columns + [
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("start_date", label=_("Start date"), sort_key="start_date"),
        DateColumn("end_date", label=_("End date"), sort_key="end_date"),
    ]
    filterset_class = CampaignPageFilterSet


@hooks.register("register_admin_viewset")
def register_campaign_listing():
    return CampaignPageListingViewSet("campaign_pages")
