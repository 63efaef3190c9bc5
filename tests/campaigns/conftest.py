"""Fixtures for program and campaign tests: the demo indexes and quick page builders."""

import itertools

import pytest
from wagtail.models import Site

from campaigns.models import CampaignIndexPage, CampaignPage, ProgramIndexPage, ProgramPage

_numbers = itertools.count()


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def program_index(home):
    return ProgramIndexPage.objects.child_of(home).get()


@pytest.fixture
def campaign_index(home):
    return CampaignIndexPage.objects.child_of(home).get()


def page_maker(index, model, name):
    """A function adding a live ``model`` page under ``index`` with a unique title and slug."""

    def make(**fields):
        number = next(_numbers)
        fields.setdefault("title", f"Test {name} {number}")
        fields.setdefault("slug", f"test-{name}-{number}")
        return index.add_child(instance=model(**fields))

    return make


@pytest.fixture
def make_program(program_index):
    return page_maker(program_index, ProgramPage, "program")


@pytest.fixture
def make_campaign(campaign_index):
    return page_maker(campaign_index, CampaignPage, "campaign")
