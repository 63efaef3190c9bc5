"""The abstract BasePage every page type shares, the home page and standard pages."""

from django.apps import apps
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from nnirr_site.core import layout_cache
from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.view_restrictions import restrictions_exist


# Foreign keys of a page that Wagtail's ``Page.with_content_json`` takes from the live page, whatever a
# revision says (``BasePage.with_content_json``).
PAGE_WIDE_KEYS = frozenset({"content_type", "owner", "locked_by", "latest_revision", "locale", "alias_of"})


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queries, with ``public()`` free while no page has a view restriction."""

    def public(self):
        """Wagtail's ``public()`` reads every view restriction first (one query per listing); skipped,
        with the same result, while no page on the site has one (``restrictions_exist``)."""
        if not restrictions_exist():
            return self.all()
        return super().public()


def site_root_paths():
    """``Site.get_site_root_paths()``, kept in this process for the site generation (``layout_cache.py``).

    Wagtail's own copy in the shared cache is dropped whenever a site's home page is saved; the site
    generation changes only when what it holds can: a Site saved, a home page published for the first
    time or at a new address, unpublished, moved or deleted (``layout_cache.page_changed``)."""
    return layout_cache.remembered("site-root-paths", Site.get_site_root_paths, scope="site")


class BasePage(Page):
    """Abstract mixin for every page type: summary, listing image and social-sharing fields."""

    objects = PageManager.from_queryset(SitePageQuerySet)()

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two plain sentences shown in listings, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards in listings. Landscape, at least 800 pixels wide."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media (1200 × 630 works best). "
                    "The listing image is used if empty."),
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        """Wagtail's site root paths (behind every ``page.url``), which Wagtail reads from the shared cache
        once per page object or request (``cache_object``): kept in this process for the site generation
        (``site_root_paths``), so a request reads them once and a page object never."""
        if kwargs:
            return super()._get_site_root_paths(cache_object, **kwargs)
        if cache_object is None:
            return site_root_paths()
        try:
            return cache_object._wagtail_cached_site_root_paths
        except AttributeError:
            cache_object._wagtail_cached_site_root_paths = site_root_paths()
            return cache_object._wagtail_cached_site_root_paths

    def get_ancestors(self, inclusive=False):
        """Wagtail's ancestors, read once per page object (each asking was a query). The breadcrumbs and
        a post's blog index use ``page_ancestors.ancestors``, kept per parent page."""
        if inclusive:
            return super().get_ancestors(inclusive=True)
        if "_ancestors" not in self.__dict__:
            self.__dict__["_ancestors"] = super().get_ancestors()
        return self.__dict__["_ancestors"]

    def with_content_json(self, content):
        """Wagtail's page from a revision's content (previews, the editor, comparing revisions), without
        the lookups whose answer it throws away.

        django-modelcluster reads every object a revision's foreign key names, one query each, to drop
        the keys that no longer exist. Two kinds of those reads change nothing here:

        - the page-wide keys Wagtail sets from the live page right after (``PAGE_WIDE_KEYS``): the
          latest revision among them, read whole with its content;
        - each inline row's key back to this page (a tag's, an author link's, a related link's), which
          modelcluster sets to the page object itself when it attaches the rows.

        Both are left out of the content read, with the same page as the result
        (``tests/core/test_revision_content.py``). Every other key is checked as before: an image or a
        chosen page deleted since the revision still comes out as none.
        """
        content = {key: value for key, value in content.items() if key not in PAGE_WIDE_KEYS}
        for relation in get_all_child_relations(type(self)):
            name, parent_key = relation.get_accessor_name(), relation.field.name
            if isinstance(content.get(name), list):
                content[name] = [
                    {key: value for key, value in row.items() if key != parent_key} if isinstance(row, dict) else row
                    for row in content[name]
                ]
        return super().with_content_json(content)

    def get_view_restrictions(self):
        """Wagtail's two queries, skipped while no page on the site has a view restriction at all."""
        if not restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title", help_text=_("Title for search engines, if different from the page title.")),
                FieldPanel(
                    "search_description",
                    help_text=_("Description for search engines and link previews; the summary is used if empty."),
                ),
                FieldPanel("social_image"),
            ],
            heading=_("Search engines and social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus")],
            heading=_("Menus"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary

    @property
    def share_image(self):
        return self.social_image or self.listing_image


class SectionIndexPage(BasePage):
    """Abstract: a section's index page (programs, campaigns, news, resources), one per home page."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the listing."))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The site root's page: hero, featured campaign, programs, latest posts and featured resources."""

    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=500)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wide image behind the hero text; at least 1600 pixels wide."),
    )
    hero_cta_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to feature the most recent active campaign automatically."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_text"),
                PageChooserPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        PageChooserPanel("featured_campaign", page_type="campaigns.CampaignPage"),
        InlinePanel(
            "featured_resources",
            label=_("Featured resources"),
            help_text=_("Leave empty to show the newest resources automatically."),
            max_num=6,
        ),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find a descendant by its full path in one query, not one query per level.

        Wagtail's default routing asks each page in turn for its child. Pages
        that route further themselves (the blog's feeds) are not found by
        path and fall back to the default.
        """
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path).specific().first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_featured_campaign(self):
        if self.featured_campaign_id and self.featured_campaign.live:
            return self.featured_campaign.specific.localized
        CampaignPage = apps.get_model("campaigns", "CampaignPage")
        return (
            CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .in_status_order()  # active first, then ongoing, then past; newest first within each
            .select_related("listing_image")
            .first()
        )

    def get_programs(self):
        ProgramPage = apps.get_model("campaigns", "ProgramPage")
        return ProgramPage.objects.live().public().filter(locale_id=self.locale_id).select_related("listing_image")[:8]

    def get_latest_posts(self):
        BlogPage = apps.get_model("blog", "BlogPage")
        return (
            BlogPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-date")
            .select_related("listing_image")[:3]
        )

    def get_featured_resources(self):
        chosen = [
            item.resource.specific.localized
            for item in self.featured_resources.select_related("resource")
            if item.resource and item.resource.live
        ]
        if chosen:
            return chosen
        ResourcePage = apps.get_model("resources", "ResourcePage")
        return (
            ResourcePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-first_published_at")
            .select_related("listing_image")[:3]
        )

    def get_context(self, request, *args, **kwargs):
        # Lazy: the template caches these sections, and a cached render runs none of their queries.
        context = super().get_context(request, *args, **kwargs)
        context["featured_campaign"] = SimpleLazyObject(self.get_featured_campaign)
        context["programs"] = self.get_programs()
        context["latest_posts"] = self.get_latest_posts()
        context["featured_resources"] = SimpleLazyObject(self.get_featured_resources)
        return context


class HomePageFeaturedResource(Orderable):
    """A resource an editor pinned to the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_resources")
    resource = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("resource"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("resource", page_type="resources.ResourcePage")]


class StandardPage(BasePage):
    """A plain content page anywhere under home: About, Contact, Donate, Privacy, Accessibility."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    show_contact_details = models.BooleanField(
        _("show contact details"),
        default=False,
        help_text=_("Adds the email address and offices from the site settings (for the Contact page)."),
    )
    show_donation_details = models.BooleanField(
        _("show donation details"),
        default=False,
        help_text=_("Adds the donation button and the mailing address for checks (for the Donate page)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("show_contact_details"), FieldPanel("show_donation_details")],
            heading=_("Details from the site settings"),
        ),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
