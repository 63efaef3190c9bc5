"""The abstract index page the program and campaign indexes share."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from nnirr_site.core.models import BasePage


class SectionIndexPage(BasePage):
    """Abstract: one index per home page, with an introduction above its listing."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the listing."))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
