"""The hand-written queries behind a program's campaigns and every page's related links give the same
pages, in the same order, as the ORM's queries they stand in for (campaigns/models/links.py,
``CampaignPageQuerySet.of_program_for_cards``)."""

import datetime

import pytest
from django.apps import apps
from django.utils import translation
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage, CampaignStatus, ProgramPage, ProgramRelatedResource
from campaigns.models.links import _linked_pages, _linked_pages_sql, localized_live_links
from nnirr_site.core.view_restrictions import restrictions_exist
from resources.models import ResourceIndexPage, ResourcePage

pytestmark = pytest.mark.django_db

RELATIONS = [(ProgramPage, "related_resources"), (CampaignPage, "related_resources"), (CampaignPage, "related_posts")]


def pks(pages):
    return [page.pk for page in pages]


def both_ways(owner, relation):
    links = getattr(owner, relation).all()
    page_model = apps.get_model(links.model.allowed_page_type)
    sql = _linked_pages_sql(owner, relation, page_model)
    assert sql is not None, "the hand-written query applies"
    return pks(sql), pks(_linked_pages(links, page_model))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_demo_page_gets_the_same_linked_pages_and_campaigns_both_ways(language):
    checked = 0
    with translation.override(language):
        for model, relation in RELATIONS:
            for owner in model.objects.live():
                sql, orm = both_ways(owner, relation)
                assert sql == orm, (owner, relation)
                checked += bool(orm)
        for program in ProgramPage.objects.live():
            sql = CampaignPage.objects.of_program_for_cards(program)
            assert pks(sql) == pks(program.get_campaigns(card_images=False)), program
            checked += bool(sql)
    assert checked >= 5  # the demo content links pages: the comparison is not of empty lists


@pytest.mark.parametrize("language", ["en", "es"])
def test_order_duplicates_translations_and_drafts_agree(language, home, make_program, make_campaign):
    library = ResourceIndexPage.objects.child_of(home).get()
    spanish_library = ResourceIndexPage.objects.exclude(locale=library.locale).get()
    resources = [library.add_child(instance=ResourcePage(title=f"Linked {n}", slug=f"test-linked-{n}"))
                 for n in range(4)]
    translated = resources[1].copy_for_translation(spanish_library.locale, copy_parents=True)
    translated.save_revision().publish()
    resources[3].unpublish()
    program = make_program(title="Program with many links")
    # Out of order, one linked twice (the first link keeps its place), one a draft (its translation may show).
    for sort_order, resource in [(2, resources[0]), (0, resources[1]), (1, resources[2]), (3, resources[0]),
                                 (None, resources[3])]:
        ProgramRelatedResource.objects.create(program=program, page=resource, sort_order=sort_order)
    dates = [datetime.date(2020, 1, 1), datetime.date(2024, 5, 1), None]
    for n, (status, start) in enumerate([(CampaignStatus.PAST, dates[0]), (CampaignStatus.ACTIVE, dates[1]),
                                         (CampaignStatus.ONGOING, dates[2]), (CampaignStatus.ACTIVE, dates[0]),
                                         (CampaignStatus.PAST, dates[1])]):
        make_campaign(title=f"Campaign {5 - n}", status=status, start_date=start, program=program)
    with translation.override(language):
        sql, orm = both_ways(program, "related_resources")
        assert sql == orm
        assert len(orm) == 3
        campaigns = CampaignPage.objects.of_program_for_cards(program)
        assert pks(campaigns) == pks(program.get_campaigns(card_images=False))
        assert len(campaigns) == 5


def test_with_a_view_restriction_the_orm_decides(home, django_capture_on_commit_callbacks):
    program = ProgramPage.objects.live().get(slug="hurricane", locale__language_code="en")
    assert _linked_pages_sql(program, "related_resources", ResourcePage) is not None
    with django_capture_on_commit_callbacks(execute=True):  # a new site generation: the flag is read again
        PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert _linked_pages_sql(program, "related_resources", ResourcePage) is None
    assert CampaignPage.objects.of_program_for_cards(program) is None
    assert localized_live_links(program, "related_resources") == []  # everything is restricted now


def test_a_previews_draft_links_are_read_in_one_query(django_assert_num_queries):
    program = ProgramPage.objects.live().get(slug="hurricane", locale__language_code="en")
    draft = program.get_latest_revision_as_object()
    resources = list(ResourcePage.objects.live().filter(locale=program.locale)[:3])
    draft.related_resources = [ProgramRelatedResource(page=resource, sort_order=n) for n, resource in enumerate(resources)]
    restrictions_exist()  # read once per site generation, whatever asks first
    with translation.override("en"), django_assert_num_queries(2):  # the linked pages' keys, then the pages
        shown = localized_live_links(draft, "related_resources", card_images=False)
    assert pks(shown) == pks(resources)
