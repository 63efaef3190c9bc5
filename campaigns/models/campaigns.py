"""Campaigns: actions with a status, dates, a call to action, toolkits and yearly editions."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from campaigns.blocks import CampaignActionsBlock
from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage, SectionIndexPage, SitePageQuerySet
from nnirr_site.core.page_sql import card_columns, specific_joins
from nnirr_site.core.view_restrictions import restrictions_exist
from nnirr_site.core.views import paginate

from .links import RelatedPageLink, localized_live_links, with_card_images
from .programs import ProgramPage

CAMPAIGNS_PER_PAGE = 24
HASHTAG_SEPARATORS = re.compile(r"[\s,]+")


class CampaignStatus(models.TextChoices):
    """Where a campaign stands; the index lists them in this order."""

    ACTIVE = "active", _("Active")
    ONGOING = "ongoing", _("Ongoing")
    PAST = "past", _("Past")


STATUS_RANK = {CampaignStatus.ACTIVE: 0, CampaignStatus.ONGOING: 1, CampaignStatus.PAST: 2}


class CampaignPageQuerySet(SitePageQuerySet):
    """Campaign queries the index and program pages share."""

    def in_status_order(self):
        """Active first, then ongoing, then past; the most recent first within each."""
        rank = Case(*(When(status=status, then=Value(order)) for status, order in STATUS_RANK.items()),
                    default=Value(len(STATUS_RANK)))
        return self.annotate(
            status_rank=rank, latest_date=Coalesce("end_date", "start_date")
        ).order_by("status_rank", models.F("latest_date").desc(nulls_last=True), "title")

    def of_program_for_cards(self, program):
        """As a list, the live campaigns in ``program``'s language whose program is ``program`` in any
        language, in status order (``in_status_order``), without their StreamFields (cards show no body):
        ``ProgramPage.get_campaigns(card_images=False)`` in one hand-written query. None where it does not
        apply: a view restriction somewhere (or that fast path off: Wagtail's ``public()`` decides), a
        program not saved yet.

        The ORM's building of that query (three joins, the status order's ``CASE``) cost 3.4-3.9 ms where
        PostgreSQL answers in well under 1 ms; this one about 1 ms (in process, bench database,
        2026-11-27). ``tests/campaigns/test_linked_pages_sql.py`` checks both give the same campaigns in
        the same order.
        """
        if not program.pk or restrictions_exist():
            return None
        ranks = " ".join(f"WHEN %s THEN {rank}" for rank in STATUS_RANK.values())
        sql = f"""
            SELECT {card_columns(self.model)}
            FROM wagtailcore_page
            {specific_joins(self.model)}
            JOIN wagtailcore_page program ON program.id = campaigns_campaignpage.program_id
            WHERE wagtailcore_page.live AND wagtailcore_page.locale_id = %s AND program.translation_key = %s
            ORDER BY CASE campaigns_campaignpage.status {ranks} ELSE {len(STATUS_RANK)} END,
                COALESCE(campaigns_campaignpage.end_date, campaigns_campaignpage.start_date) DESC NULLS LAST,
                wagtailcore_page.title"""
        return list(self.model.objects.raw(sql, [program.locale_id, program.translation_key, *map(str, STATUS_RANK)]))


class CampaignIndexPage(SectionIndexPage):
    """Under home: lists campaigns, active first, then ongoing, with past ones in an archive section."""

    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index page")

    def get_programs(self):
        """Programs in this page's language, for the filter."""
        return ProgramPage.objects.live().public().filter(locale_id=self.locale_id).order_by("path")

    def get_campaigns(self, status="", program=None):
        campaigns = CampaignPage.objects.child_of(self).live().public()
        if status:
            campaigns = campaigns.filter(status=status)
        if program is not None:
            campaigns = campaigns.filter(program__translation_key=program.translation_key)
        return with_card_images(campaigns.in_status_order())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status", "")
        if status not in CampaignStatus.values:
            status = ""
        programs = list(self.get_programs())
        program_slug = request.GET.get("program", "")
        program = next((p for p in programs if p.slug == program_slug), None)
        context.update(
            campaigns=paginate(request, self.get_campaigns(status, program), CAMPAIGNS_PER_PAGE),
            statuses=CampaignStatus.choices,
            selected_status=status,
            programs=programs,
            selected_program=program,
        )
        return context


class CampaignPageForm(WagtailAdminPageForm):
    """The campaign editor's form: a year may have only one edition."""

    def is_valid(self):
        valid = super().is_valid()  # validates the inline formsets too
        editions = self.formsets.get("editions")
        if editions is None:
            return valid
        seen = set()
        for form in editions.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("year") is None:
                continue
            year = data["year"]
            if year in seen:
                form.add_error("year", _("There is already an edition for this year."))
                valid = False
            seen.add(year)
        return valid


class CampaignPage(BasePage):
    """Under the campaign index: one campaign or action, with what to do, downloads and related reading.

    Recurring campaigns (International Migrants Day, every 18 December) keep
    their yearly editions as an inline list on the one campaign page, not as
    yearly child pages. An edition is small (a year, a few lines, the year's
    call-to-action PDF) and means nothing without the campaign around it; as
    inline rows editors see and edit every year in one place, a translation
    copies them along with the page, visitors and search engines find one
    lasting address that gathers the history, and no near-empty pages or extra
    templates and tree rules are needed. A year that needs a long story of its
    own can still get a blog post, linked from the campaign.
    """

    base_form_class = CampaignPageForm

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
        help_text=_("Active: people can act now. Ongoing: long-term or yearly work. "
                    "Past: finished; listed in the archive."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while the campaign goes on.")
    )
    program = models.ForeignKey(
        "campaigns.ProgramPage",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        help_text=_("The program this campaign belongs to, if any. It is listed on that program's page."),
    )
    actions = StreamField(
        CampaignActionsBlock(),
        blank=True,
        verbose_name=_("actions"),
        help_text=_("The buttons shown near the top of the page: what you want visitors to do."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    hashtags = models.CharField(
        _("hashtags"),
        max_length=255,
        blank=True,
        help_text=_("Separated by spaces, for example #4rightsatborders #TakeTheSurvey. The # is optional."),
    )

    objects = PageManager.from_queryset(CampaignPageQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                PageChooserPanel("program", page_type="campaigns.ProgramPage"),
            ],
            heading=_("Status and dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("listing_image"), FieldPanel("hashtags")],
            heading=_("Introduction"),
        ),
        FieldPanel("actions"),
        FieldPanel("body"),
        InlinePanel(
            "toolkit_items",
            label=_("Toolkit downloads"),
            help_text=_("Documents supporters can download: flyers, sample letters, guides. "
                        "File type and size are shown automatically."),
        ),
        InlinePanel(
            "editions",
            label=_("Yearly editions"),
            help_text=_("For campaigns that come back every year. Shown newest first, whatever their order here."),
        ),
        MultiFieldPanel(
            [
                InlinePanel("related_resources", label=_("Related resources")),
                InlinePanel("related_posts", label=_("Related news posts")),
            ],
            heading=_("Related reading"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("hashtags"),
        index.FilterField("status"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    # No subpage_types on purpose: Wagtail then allows exactly the page types that name
    # CampaignPage in their own parent_page_types (the petitions app's petition page)
    # without this app depending on that one. Every other page type restricts its parents.

    class Meta:
        verbose_name = _("campaign page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def action_petition_keys(self):
        """Translation keys of the petitions whose forms the action panel shows (in any language)."""
        return {block.value["petition"].translation_key for block in self.actions
                if block.block_type == "petition" and block.value.get("petition")}

    @property
    def shows_petition_form(self):
        """Whether an action shows a petition's signing form (the page then loads its stylesheet)."""
        return any(block.block_type == "petition" for block in self.actions)

    @property
    def hashtag_list(self):
        tags = (tag.lstrip("#") for tag in HASHTAG_SEPARATORS.split(self.hashtags))
        return [f"#{tag}" for tag in dict.fromkeys(tags) if tag]

    @property
    def is_past(self):
        return self.status == CampaignStatus.PAST

    def get_program(self):
        """The program in the visitor's language, if it is live."""
        if self.program_id is None:
            return None
        program = self.program.localized
        return program if program.live else None

    def get_editions(self):
        """Yearly editions, newest first."""
        return sorted(self.editions.select_related("document"), key=lambda e: e.year, reverse=True)

    def get_toolkit(self):
        return [item for item in self.toolkit_items.select_related("document") if item.document_id]

    def get_more_campaigns(self, program, limit=3):
        """Other live campaigns of the same program, for the 'more from this program' list."""
        if program is None:
            return []
        campaigns = (
            CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, program__translation_key=program.translation_key)
            .exclude(id=self.id)
            .in_status_order()
        )
        return with_card_images(campaigns)[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        program = self.get_program()
        context.update(
            program=program,
            editions=self.get_editions(),
            toolkit=self.get_toolkit(),
            related_resources=localized_live_links(self, "related_resources"),
            related_posts=localized_live_links(self, "related_posts"),
            more_campaigns=self.get_more_campaigns(program),
            # A petition whose form the action panel shows is not repeated as a card below it.
            child_pages=[child for child in self.get_children().live().public().specific()
                         if child.translation_key not in self.action_petition_keys],
        )
        return context


class CampaignToolkitItem(Orderable):
    """A document in a campaign's toolkit, with an optional line saying what it is for."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="toolkit_items")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(
        _("link text"), max_length=160, blank=True, help_text=_("Leave empty to use the document title.")
    )
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("One line on what the document is for, for example 'Adapt it for your city council'."),
    )

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("toolkit download")

    @property
    def link_text(self):
        return self.title or self.document.title


class CampaignEdition(Orderable):
    """One year of a recurring campaign: what that year asked for, and its call-to-action PDF."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="editions")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1970), MaxValueValidator(2100)]
    )
    theme = models.CharField(
        _("theme"), max_length=160, blank=True, help_text=_("The year's slogan or theme, if it had one.")
    )
    text = RichTextField(_("text"), blank=True, features=["bold", "italic", "link", "document-link", "ul", "ol"])
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("call to action (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The year's call to action, usually a PDF."),
    )

    panels = [FieldPanel("year"), FieldPanel("theme"), FieldPanel("text"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("yearly edition")


class CampaignRelatedResource(RelatedPageLink):
    """A resource-library page an editor links to a campaign."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_resources")

    allowed_page_type = "resources.ResourcePage"
    panels = [PageChooserPanel("page", page_type="resources.ResourcePage")]

    class Meta(RelatedPageLink.Meta):
        verbose_name = _("related resource")


class CampaignRelatedPost(RelatedPageLink):
    """A blog post an editor links to a campaign."""

    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_posts")

    allowed_page_type = "blog.BlogPage"
    panels = [PageChooserPanel("page", page_type="blog.BlogPage")]

    class Meta(RelatedPageLink.Meta):
        verbose_name = _("related post")
