"""The events index counts every option in one query, and says the same as the count per filter (events/listing.py)."""

import pytest
from django.http import QueryDict

from events.listing import EventFilter, events_of, upcoming
from events.models import EventIndexPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["", "state=TX", "state=TX&lang=es", "mode=online", "mode=in_person&lang=es",
                                   "campaign=nothing-here", "state=ZZ", "lang=other&mode=online&state=CA"])
def test_every_count_in_one_query_matches_the_count_per_filter(query):
    indexes = EventIndexPage.objects.all()
    assert indexes
    for index in indexes:
        for events in (upcoming(index), events_of(index)):
            event_filter = EventFilter(QueryDict(query), events, with_counts=False)
            every = event_filter.all_counts()
            for name in EventFilter.FIELDS:
                assert every[name] == event_filter.counts(name), (index, name)
            assert every["total"] == {True: event_filter.results().count()}, index
