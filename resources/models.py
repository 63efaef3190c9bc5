"""Resource library index and resource pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from nnirr_site.core.blocks import BodyBlock
from nnirr_site.core.models import BasePage


class ResourceIndexPage(BasePage):
    """Under home: the resource library, listing every resource."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = (
            ResourcePage.objects.child_of(self).live().public().select_related("listing_image")
        )
        return context


class ResourcePage(BasePage):
    """Under the resource library: one publication, video or download."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("listing_image"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
