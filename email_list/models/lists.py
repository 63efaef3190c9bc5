"""Mailing lists: what a visitor can join. Editors manage them as snippets."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class MailingList(index.Indexed, models.Model):
    """One list people subscribe to ("Network News", "Action alerts"), with a name in each language.

    A list either has a language (a Spanish-only newsletter: every email in Spanish) or none
    (each subscriber gets its emails in the language they chose). Only public lists are offered
    on the site's forms; a private one is for people staff add (board, members).
    """

    name = models.CharField(_("name"), max_length=120, help_text=_("As subscribers see it, in English."))
    name_es = models.CharField(
        _("name in Spanish"), max_length=120, blank=True, help_text=_("Shown on Spanish pages; the English name if empty.")
    )
    description = models.TextField(_("description"), max_length=400, blank=True)
    description_es = models.TextField(_("description in Spanish"), max_length=400, blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        blank=True,
        choices=[("", _("Each subscriber’s own language")), ("en", "English"), ("es", "Español")],
        help_text=_("A list in one language sends every email in it; otherwise each subscriber chooses."),
    )
    public = models.BooleanField(
        _("public"), default=True, help_text=_("Offered on the site’s sign-up forms. Private lists are for staff to fill.")
    )
    is_default = models.BooleanField(
        _("default for “send me news”"),
        default=False,
        help_text=_("The list petition and sign-on signers join (after confirming) when they ask for news."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order on forms"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("name_es")], heading=_("Name")),
        MultiFieldPanel([FieldPanel("description"), FieldPanel("description_es")], heading=_("Description")),
        FieldRowPanel([FieldPanel("language"), FieldPanel("sort_order")]),
        FieldPanel("public"),
        FieldPanel("is_default"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_es"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def name_in(self, language):
        return self.name_es if language == "es" and self.name_es else self.name

    def description_in(self, language):
        return self.description_es if language == "es" and self.description_es else self.description

    @property
    def localized_name(self):
        return self.name_in(translation.get_language())

    @property
    def localized_description(self):
        return self.description_in(translation.get_language())
