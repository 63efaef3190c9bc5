"""The blog's snippets, authors and topics, and ``in_locale``: what the pages and the feeds both use.

A module of its own (re-exported from ``blog.models``) so ``feeds`` can use it without importing
the page models that serve the feeds.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


def in_locale(items, locale_id, model):
    """``items`` (translatable objects) swapped for their translations in ``locale_id`` where one exists.

    One query for the whole list, instead of one ``.localized`` call per item.
    """
    foreign = {item.translation_key for item in items if item.locale_id != locale_id}
    if not foreign:
        return list(items)
    translations = model.objects.filter(translation_key__in=foreign, locale_id=locale_id)
    if hasattr(model, "live"):
        translations = translations.filter(live=True)
    found = {obj.translation_key: obj for obj in translations}
    return [item if item.locale_id == locale_id else found.get(item.translation_key, item) for item in items]


class Author(TranslatableMixin, models.Model):
    """A person who writes for the blog; translated so the role reads right in each language."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=160, blank=True, help_text=_("For example 'Co-Director' or 'Member organization'.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square portrait works best. Leave empty if the person prefers no photo."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TranslatableMixin, models.Model):
    """The one subject a post is filed under (tags are the free-form complement)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, allow_unicode=True, help_text=_("Used in addresses: /news/?topic=<slug>.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")]

    def __str__(self):
        return self.name
