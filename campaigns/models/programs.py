"""Programs: the network's long-running work (HURRICANE, BRIDGE, IRRTI, ...)."""

from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from nnirr_site.core import page_extras
from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage, SectionIndexPage
from nnirr_site.core.views import paginate

from .links import RelatedPageLink, localized_live_links, prefetch_card_images, with_card_images

PROGRAMS_PER_PAGE = 24


class ProgramIndexPage(SectionIndexPage):
    """Under home: lists every program in the order editors gave them in the page tree."""

    subpage_types = ["campaigns.ProgramPage"]

    class Meta:
        verbose_name = _("program index page")

    def get_programs(self):
        programs = ProgramPage.objects.child_of(self).live().public().order_by("path")
        return with_card_images(programs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = paginate(request, self.get_programs(), PROGRAMS_PER_PAGE)
        return context


class ProgramPage(BasePage):
    """Under the program index: one program, with its campaigns, chosen resources and a contact person."""

    short_name = models.CharField(
        _("short name or acronym"),
        max_length=40,
        blank=True,
        help_text=_("For example HURRICANE or BRIDGE. Shown above the title and on cards."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wide picture at the top of the page, at least 1600 pixels wide. "
                    "The listing image is used if empty."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example Program coordinator.")
    )
    contact_email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Shown publicly on the page. Use a shared mailbox rather than a personal one if you can."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("short_name"), FieldPanel("summary"), FieldPanel("hero_image"), FieldPanel("listing_image")],
            heading=_("Introduction"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "related_resources",
            label=_("Related resources"),
            help_text=_("Reports, videos and downloads from the resource library, in the order to show them. "
                        "Campaigns of this program are listed automatically."),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact person (optional)"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.SearchField("body"),
    ]
    parent_page_types = ["campaigns.ProgramIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("program page")

    @property
    def header_image(self):
        return self.hero_image or self.listing_image

    def get_campaigns(self, card_images=True):
        """Live campaigns in this page's language whose program is this one (in any language)."""
        CampaignPage = apps.get_model("campaigns", "CampaignPage")
        campaigns = (
            CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, program__translation_key=self.translation_key)
            .in_status_order()
            .defer_streamfields()  # cards show no body
        )
        return with_card_images(campaigns) if card_images else campaigns

    def get_related_resources(self, card_images=True):
        return localized_live_links(self, "related_resources", card_images=card_images)

    def _campaigns_for_cards(self):
        campaigns = apps.get_model("campaigns", "CampaignPage").objects.of_program_for_cards(self)
        if campaigns is None:
            campaigns = list(self.get_campaigns(card_images=False))
        return campaigns

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Two page queries, the same answer until a page of their kinds is published: kept by kind
        # (page_extras.py); card images only for cards not kept (card_cache.py). The campaigns name
        # their program, so the program's own publish keeps them (its id and language stay); the
        # resources are the program's own links, read again when it is published.
        # A preview's draft cannot change its campaigns (they point to it), and its resources are the pages
        # its links point to: kept per list of linked pages, as the live preview renders the same draft
        # again on every edit.
        campaigns = page_extras.remembered(
            request, self, "program-campaigns", self._campaigns_for_cards, kinds=("campaigns.campaignpage",),
            draft_free=True)
        if getattr(request, "is_preview", False):
            linked = tuple(link.page_id for link in self.related_resources.all().order_by("sort_order"))
            resources = page_extras.shared(
                "program-resources-preview", lambda: self.get_related_resources(card_images=False), self.pk,
                linked, translation.get_language(), kinds=("resources.resourcepage",))
        else:
            resources = page_extras.remembered(
                request, self, "program-resources", lambda: self.get_related_resources(card_images=False),
                kinds=(self, "resources.resourcepage"))
        prefetch_card_images(campaigns, resources)  # one image query for both lists of cards
        context["campaigns"] = campaigns
        context["related_resources"] = resources
        return context


class ProgramRelatedResource(RelatedPageLink):
    """A resource-library page an editor links to a program."""

    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="related_resources")

    allowed_page_type = "resources.ResourcePage"
    panels = [PageChooserPanel("page", page_type="resources.ResourcePage")]

    class Meta(RelatedPageLink.Meta):
        verbose_name = _("related resource")
