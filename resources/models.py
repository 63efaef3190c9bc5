"""Resource library index and resource pages.

A resource is a publication or tool: a report, a toolkit, a newsletter issue,
a video and so on. Its files are Wagtail documents (served through Wagtail's
document view, never straight from ``/media/``); a video is a plain link with
its length, never an embedded player, so reading the page tells no video
platform who the reader is.

The kinds, languages and tags a resource is filed under are in ``vocabulary``, which the
library's filters use too: models → filtering → vocabulary, one way.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from nnirr_site.core import card_cache
from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage, SectionIndexPage
from nnirr_site.core.views import paginate
from resources.fields import ChoiceArrayField
from resources.filtering import ResourceFilter
from resources.vocabulary import ResourceKind, ResourceLanguage, ResourcePageTag, default_languages

__all__ = [
    "ResourceKind", "ResourceLanguage", "ResourcePageTag", "default_languages",
    "ResourceIndexPage", "ResourcePage", "ResourcePageDocument",
]


class ResourceIndexPage(SectionIndexPage):
    """Under home: the resource library, filtered by kind, topic, language and year."""

    PAGE_SIZE = 12

    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("resource library page")

    def get_resources(self):
        """Live, public resources of this library, newest publication year first."""
        return (
            ResourcePage.objects.child_of(self)
            .live()
            .public()
            .order_by(models.F("publication_year").desc(nulls_last=True), "title", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        library_filter = ResourceFilter(request.GET, self.get_resources())
        shown = paginate(request, library_filter.results().select_related("listing_image"), self.PAGE_SIZE,
                         count=library_filter.result_count)
        # The renditions only for cards not kept yet (nnirr_site/core/card_cache.py).
        shown.object_list = card_cache.prefetch_for_cards(list(shown.object_list), "listing_image__renditions")
        context.update(
            filter=library_filter,
            filter_form=library_filter.form,
            resources=shown,
        )
        return context


class ResourcePage(BasePage):
    """Under the resource library: one publication, video or download."""

    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.REPORT)
    languages = ChoiceArrayField(
        models.CharField(max_length=10, choices=ResourceLanguage.choices),
        verbose_name=_("languages"),
        default=default_languages,
        blank=True,
        help_text=_("Every language the resource itself is available in (not the language of this page)."),
    )
    publication_year = models.PositiveSmallIntegerField(
        _("publication year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year it was published; leave empty if unknown."),
    )
    topics = ClusterTaggableManager(
        through=ResourcePageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Subjects readers can filter the library by, separated by commas."),
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("The page where the video plays (for example on YouTube). Shown as a link, never embedded."),
    )
    video_duration = models.CharField(
        _("video length"), max_length=20, blank=True, help_text=_("For example '28 min'.")
    )
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("Where the resource lives on another website, if it does.")
    )
    external_link_text = models.CharField(
        _("external link text"), max_length=120, blank=True, help_text=_("Leave empty for 'Visit the website'.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("topics"), FieldPanel("languages"), FieldPanel("publication_year")],
            heading=_("Catalog details"),
        ),
        FieldPanel("summary"),
        FieldPanel("listing_image", heading=_("Cover image"), help_text=_("The cover or a picture for the card.")),
        InlinePanel("document_links", label=_("Files to download")),
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("video_duration")],
            heading=_("Video"),
        ),
        MultiFieldPanel([FieldPanel("external_url"), FieldPanel("external_link_text")], heading=_("External link")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publication_year"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")

    @property
    def language_names(self):
        labels = dict(ResourceLanguage.choices)
        return [labels[code] for code in self.languages if code in labels]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            library=self.get_parent(),
            files=[link for link in self.document_links.select_related("document") if link.document_id],
            resource_topics=self.topics.all(),
        )
        return context


class ResourcePageDocument(Orderable):
    """One downloadable file of a resource (a PDF, a letter template...)."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    label = models.CharField(
        _("link text"), max_length=160, blank=True, help_text=_("Leave empty to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    def __str__(self):
        return self.label or (self.document.title if self.document else "")
