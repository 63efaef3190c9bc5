"""Editor-chosen links from a program or campaign to other pages, and how listings fetch pages cheaply.

Related resources and posts live in other apps; the links point at
``wagtailcore.Page`` and the admin chooser limits them to the right page type,
so this app never imports the resources or blog apps.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page

from nnirr_site.core import card_cache

# The card image sizes of templates/includes/card.html (its srcset). They must match the template's
# exactly: an image fetched with prefetch_renditions() looks only among the prefetched renditions, so a
# size missing here is *generated again on every render* (2.5 s for the programs listing). The crop
# variants (-c100) are listed too while the card template moves to them; tests/campaigns/
# test_card_renditions.py checks the template against this list.
CARD_RENDITIONS = (
    "fill-320x180|format-webp", "fill-640x360|format-webp",
    "fill-320x180-c100|format-webp", "fill-640x360-c100|format-webp",
)


def with_card_images(queryset):
    """``queryset`` with listing images and their card renditions fetched in two extra queries in total."""
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    return queryset.prefetch_related(Prefetch("listing_image", queryset=images))


def prefetch_card_images(*lists):
    """Listing images and their card renditions for every page of ``lists`` (any mix of page types), in
    two queries in total, where ``with_card_images`` on each listing takes two per listing; none for
    pages whose card is kept already (``card_cache.prefetch_for_cards``)."""
    pages = [page for pages in lists for page in pages]
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    card_cache.prefetch_for_cards(pages, Prefetch("listing_image", queryset=images))


def localized_live_links(links, card_images=True):
    """``localized_live_pages`` for a queryset of ``RelatedPageLink`` rows, in two queries plus card images.

    The links know the type of page they point to (``allowed_page_type``), so the pages are read from
    that model in one query (no ``specific()`` round trip), in the active language through a join
    (no query for the locale), with their card images prefetched unless ``card_images`` is False
    (the caller then fetches them with ``prefetch_card_images`` together with other cards).
    """
    linked = list(links.order_by("sort_order", "pk").values_list("page_id", "page__translation_key"))
    if not linked:
        return []
    model = apps.get_model(links.model.allowed_page_type)
    language = get_supported_content_language_variant(translation.get_language())
    candidates = (
        model.objects.live()
        .public()
        .filter(translation_key__in=[key for _id, key in linked])
        .filter(models.Q(locale__language_code=language) | models.Q(id__in=[page_id for page_id, _key in linked]))
        .select_related("locale")
        .defer_streamfields()  # cards show no body
    )
    if card_images:
        candidates = with_card_images(candidates)
    by_key = {}
    for candidate in candidates:
        current = by_key.get(candidate.translation_key)
        if current is None or candidate.locale.language_code == language:
            by_key[candidate.translation_key] = candidate
    return [by_key[key] for key in dict.fromkeys(key for _id, key in linked) if key in by_key]


def localized_live_pages(pages):
    """The live, public, specific versions of ``pages`` in the active language, in the same order.

    A translated campaign keeps the links of the page it was copied from; a
    visitor reading Spanish should see the Spanish resource when there is one,
    and the original otherwise. The query count does not depend on the number
    of pages.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    keys = [page.translation_key for page in pages]
    locale = Locale.get_active()
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .filter(models.Q(locale=locale) | models.Q(id__in=[page.id for page in pages]))
        .specific()
    )
    by_key = {}
    for candidate in candidates:
        current = by_key.get(candidate.translation_key)
        if current is None or candidate.locale_id == locale.id:
            by_key[candidate.translation_key] = candidate
    return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]


class RelatedPageLink(Orderable):
    """Abstract: one editor-chosen link to another page of a given type.

    Subclasses add the ``ParentalKey`` and a ``PageChooserPanel`` limited to
    ``allowed_page_type``; ``clean`` refuses other page types for links made
    outside the chooser.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    allowed_page_type = None  # "app_label.ModelName"

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.allowed_page_type and self.page_id:
            model = self.page.specific_class
            label = f"{model._meta.app_label}.{model.__name__}" if model else ""
            if label.lower() != self.allowed_page_type.lower():
                raise ValidationError({"page": _("Choose a page of the right type.")})
