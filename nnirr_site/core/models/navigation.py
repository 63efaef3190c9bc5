"""Menus editors manage in the admin (main menu, footer menu), one per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin


class Menu(TranslatableMixin, ClusterableModel):
    """A named list of links; the templates ask for a menu by its slug ("main", "footer")."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=40, help_text=_("How templates find this menu: 'main' or 'footer'.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), InlinePanel("items", label=_("Links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_menu_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


class MenuItem(Orderable):
    """One link in a menu: to a page of the site, or to another address."""

    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(
        _("label"), max_length=60, blank=True, help_text=_("Leave empty to use the page title.")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("address (URL)"), blank=True, help_text=_("Used only when no page is chosen."))

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    def __str__(self):
        return self.text

    @property
    def text(self):
        if self.label:
            return self.label
        return self.link_page.title if self.link_page else self.link_url
