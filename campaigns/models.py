"""Programs and campaigns: index pages and their detail pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage


class ProgramIndexPage(BasePage):
    """Under home: lists every program."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["campaigns.ProgramPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("program index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = (
            ProgramPage.objects.child_of(self).live().public().select_related("listing_image")
        )
        return context


class ProgramPage(BasePage):
    """Under the program index: one long-running program of the network."""

    short_name = models.CharField(
        _("short name or acronym"), max_length=40, blank=True, help_text=_("For example HURRICANE or BRIDGE.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("short_name"), index.SearchField("body")]
    parent_page_types = ["campaigns.ProgramIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("program page")


class CampaignIndexPage(BasePage):
    """Under home: lists campaigns, active ones first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = (
            CampaignPage.objects.child_of(self).live().public().select_related("listing_image")
        )
        return context


class CampaignPage(BasePage):
    """Under the campaign index: one campaign or action."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("listing_image"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign page")
