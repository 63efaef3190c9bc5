"""The "Take action" page: every open action of the network on one page, kept current by itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page

from nnirr_site.core.open_actions import open_action_groups

from .pages import BasePage


class TakeActionPage(BasePage):
    """Under home (one per language): lists open petitions, sign-on letters and upcoming events, the email list
    and giving.

    Editors write only the introduction; the lists come from the apps on every request
    (``nnirr_site.core.open_actions``), so nothing closed or past is ever shown.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    donate_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("donate page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page about giving to the network; its translation is used on translated pages."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        PageChooserPanel("donate_page"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("take action page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["action_groups"] = open_action_groups(self.locale)
        donate = self.donate_page
        if donate is not None:
            donate = donate.get_translation_or_none(self.locale) or donate
            if not donate.live:
                donate = None
        context["donate_page"] = donate
        return context
