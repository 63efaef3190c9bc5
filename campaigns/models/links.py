"""Editor-chosen links from a program or campaign to other pages, and how listings fetch pages cheaply.

Related resources and posts live in other apps; the links point at
``wagtailcore.Page`` and the admin chooser limits them to the right page type,
so this app never imports the resources or blog apps.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.queryset import FakeQuerySet
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page

from nnirr_site.core import card_cache, layout_cache
from nnirr_site.core.page_sql import card_columns, specific_joins
from nnirr_site.core.view_restrictions import restrictions_exist

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


def localized_live_links(owner, relation, card_images=True):
    """The live pages ``owner``'s ``relation`` (``RelatedPageLink`` rows) links to, each in the active
    language where a live translation exists (else the linked page), in the links' order, once each.

    The links know the type of page they point to (``allowed_page_type``), so the pages are read as that
    type, with no ``specific()`` round trip, and without their StreamFields (cards show no body); with
    their card images (two queries) unless ``card_images`` is False (the caller then fetches them with
    ``prefetch_card_images`` together with other cards).

    One hand-written query (``_linked_pages_sql``) while no page has a view restriction: the ORM's
    building of the two queries below (the links, then their pages with the language condition) cost
    4.3-4.7 ms for a program's related resources where PostgreSQL answers in well under 1 ms; the one
    query costs 1.2-1.3 ms (in process, bench database, 2026-11-27). Otherwise, and for the links a
    preview's draft carries in memory, the ORM's queries: ``tests/campaigns/test_linked_pages_sql.py``
    checks both give the same pages.
    """
    links = getattr(owner, relation).all()
    model = apps.get_model(links.model.allowed_page_type)
    pages = _linked_pages_sql(owner, relation, model)
    if pages is None:
        pages = _linked_pages(links, model)
    if card_images and pages:
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        prefetch_related_objects(pages, Prefetch("listing_image", queryset=images))
    return pages


def _linked_pages(links, model):
    """``localized_live_links`` with the ORM: the links, then their pages (two queries)."""
    language = get_supported_content_language_variant(translation.get_language())
    if isinstance(links, FakeQuerySet):
        # A preview's draft: its links are in memory; their pages' translation keys in one query.
        ids = [link.page_id for link in links.order_by("sort_order") if link.page_id]
        keys = dict(Page.objects.filter(id__in=ids).values_list("id", "translation_key"))
        linked = [(page_id, keys[page_id]) for page_id in ids if page_id in keys]
    else:
        linked = list(links.order_by("sort_order", "pk").values_list("page_id", "page__translation_key"))
    if not linked:
        return []
    candidates = (
        model.objects.live()
        .public()
        .filter(translation_key__in=[key for _id, key in linked])
        .filter(models.Q(locale__language_code=language) | models.Q(id__in=[page_id for page_id, _key in linked]))
        .select_related("locale")
        .defer_streamfields()  # cards show no body
    )
    by_key = {}
    for candidate in candidates:
        current = by_key.get(candidate.translation_key)
        if current is None or candidate.locale.language_code == language:
            by_key[candidate.translation_key] = candidate
    return [by_key[key] for key in dict.fromkeys(key for _id, key in linked) if key in by_key]


def _linked_pages_sql(owner, relation, model):
    """``localized_live_links`` in one query, or None where it does not apply (a view restriction
    somewhere, or its fast path off: Wagtail's ``public()`` decides; an unsaved owner or a preview's
    draft links in memory; a language without its locale)."""
    if not owner.pk or restrictions_exist():
        return None
    if isinstance(getattr(owner, relation).all(), FakeQuerySet):
        return None
    language = get_supported_content_language_variant(translation.get_language())
    locale = layout_cache.active_locale()
    if locale.language_code != language:
        return None
    link_field = owner._meta.get_field(relation).field  # the link's ParentalKey to the owner
    quote = connection.ops.quote_name
    sql = f"""
        SELECT {card_columns(model)}, link.sort_order AS link_order
        FROM {quote(link_field.model._meta.db_table)} link
        JOIN wagtailcore_page linked ON linked.id = link.page_id
        JOIN wagtailcore_page ON wagtailcore_page.translation_key = linked.translation_key
            AND (wagtailcore_page.locale_id = %s OR wagtailcore_page.id = link.page_id)
        {specific_joins(model)}
        WHERE link.{quote(link_field.column)} = %s AND wagtailcore_page.live
        ORDER BY link.sort_order, link.id"""
    by_key = {}
    for page in model.objects.raw(sql, [locale.pk, owner.pk]):
        current = by_key.get(page.translation_key)
        if current is None or page.locale_id == locale.pk:
            by_key[page.translation_key] = page  # a key keeps the place of its first link
    return list(by_key.values())


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
