"""The directory's plain-SQL fast paths say the same as the ORM queries they replace (services/filtering.py)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.http import QueryDict
from wagtail.models import Locale

from services.disclosure import public_queryset
from services.filtering import FILTERS, ServiceFilter, open_now_q, open_now_q_orm
from services.models import Service

pytestmark = pytest.mark.django_db


def test_open_now_in_sql_matches_the_orm_all_week():
    start = datetime(2026, 5, 11, 0, 5, tzinfo=ZoneInfo("UTC"))  # a Monday
    seen = set()
    for step in range(0, 7 * 24 * 60, 53):
        now = start + timedelta(minutes=step)
        fast = set(Service.objects.filter(open_now_q(now)).values_list("pk", flat=True))
        assert fast == set(Service.objects.filter(open_now_q_orm(now)).values_list("pk", flat=True)), now
        seen.add(len(fast))
    assert len(seen) > 2  # the demo services open and close through the week


@pytest.mark.parametrize("query", [
    "", "category=legal", "state=US-TX&free=on", "open=on", "category=legal&state=US-TX&free=on&open=on",
    "q=legal&category=shelter", "city=US-AZ:Nogales&language=es", "no_status_question=on&language=en",
    "q=%25", "q=a_b", "category=nope&state=zz",
])
def test_every_count_in_one_query_matches_the_count_per_filter(query):
    for locale in Locale.objects.all():
        directory_filter = ServiceFilter(QueryDict(query), public_queryset(locale.pk), with_counts=False)
        every = directory_filter.all_counts()
        for name in FILTERS:
            if name == "q":
                continue
            one = directory_filter.counts(name)
            one = {key: count for key, count in one.items() if count or key is True}
            assert every[name] == one, (locale, name)
        assert every["total"] == {True: directory_filter.results().count()}, locale


def test_the_shared_city_options_and_open_services_are_the_ones_read_afresh(settings):
    """With ``shared_as`` the city options and this minute's open services are kept for the generation
    (page_extras.shared); they are the same as without."""
    for locale in Locale.objects.all():
        services = public_queryset(locale.pk)
        plain = ServiceFilter(QueryDict("open=on"), services)
        for _ in range(2):  # the second one reads what the first kept
            kept = ServiceFilter(QueryDict("open=on"), services, shared_as=("public", locale.pk))
            assert kept.options == plain.options
            assert sorted(kept._open_ids) == sorted(plain._open_ids)
            assert kept.option_counts == plain.option_counts and kept.result_count == plain.result_count
