"""The resource library counts every option and its results in one query, and says the same as the
ORM's count per filter (resources/filtering.py)."""

import pytest
from django.http import QueryDict

from resources.filtering import ResourceFilter
from resources.models import ResourceIndexPage, ResourcePage

pytestmark = pytest.mark.django_db

QUERIES = ["", "kind=report", "kind=report&language=es", "language=en&year=2024", "topic=detention",
           "kind=video&topic=asylum&language=es", "year=1999", "kind=nope&language=zz", "year=abc"]


@pytest.mark.parametrize("query", QUERIES)
def test_every_count_in_one_query_matches_the_count_per_filter(query):
    libraries = ResourceIndexPage.objects.all()
    assert libraries
    for library in libraries:
        library_filter = ResourceFilter(QueryDict(query), library.get_resources())
        every = library_filter.all_counts()
        for name in ResourceFilter.FIELDS:
            one = {key: count for key, count in library_filter.counts(name).items() if count and key is not None}
            assert every[name] == one, (library, name)
        assert every["total"] == {True: library_filter.results().count()}, library
        assert library_filter.result_count == every["total"][True]


def test_a_topic_counts_each_resource_once():
    library = ResourceIndexPage.objects.filter(locale__language_code="en").first()
    resources = library.get_resources()
    tagged = ResourcePage.objects.child_of(library).live().filter(topics__isnull=False).first()
    slug = tagged.topics.first().slug
    counted = ResourceFilter(QueryDict(f"topic={slug}"), resources)
    assert counted.option_counts["topic"][slug] == resources.filter(topics__slug=slug).distinct().count()
    assert counted.result_count == resources.filter(topics__slug=slug).distinct().count()
