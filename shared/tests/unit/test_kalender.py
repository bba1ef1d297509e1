"""A moment's Dutch calendar date, in winter time, in summer time and around the changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.shared.kalender import TijdzoneOntbreekt, begin_van_dag, nederlandse_datum

WINTER = timezone(timedelta(hours=1))
ZOMER = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("moment", "datum"),
    [
        # Half past midnight Dutch time is still the previous day in UTC.
        (datetime(2026, 11, 2, 0, 30, tzinfo=WINTER), date(2026, 11, 2)),
        (datetime(2026, 7, 1, 0, 30, tzinfo=ZOMER), date(2026, 7, 1)),
        (datetime(2026, 11, 1, 23, 30, tzinfo=UTC), date(2026, 11, 2)),
        (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), date(2026, 7, 1)),
        # 23:30 UTC on the eve of each change (29 March and 25 October 2026, 01:00 UTC).
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), date(2026, 3, 29)),
        (datetime(2026, 10, 24, 23, 30, tzinfo=UTC), date(2026, 10, 25)),
        # The evening after each change: summer time's 22:00 UTC is already the next day,
        # winter time's is not.
        (datetime(2026, 3, 29, 22, 30, tzinfo=UTC), date(2026, 3, 30)),
        (datetime(2026, 10, 25, 22, 30, tzinfo=UTC), date(2026, 10, 25)),
        # New Year's Eve: the Dutch year starts an hour before UTC's.
        (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), date(2027, 1, 1)),
        (datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC), date(2026, 12, 31)),
    ],
)
def test_a_moment_falls_on_its_dutch_calendar_date(moment: datetime, datum: date) -> None:
    assert nederlandse_datum(moment) == datum


def test_a_moment_without_a_zone_is_refused() -> None:
    with pytest.raises(TijdzoneOntbreekt):
        nederlandse_datum(datetime(2026, 11, 2, 0, 30))


@pytest.mark.parametrize(
    ("datum", "utc"),
    [
        (date(2026, 1, 15), datetime(2026, 1, 14, 23, 0, tzinfo=UTC)),
        (date(2026, 3, 29), datetime(2026, 3, 28, 23, 0, tzinfo=UTC)),
        (date(2026, 3, 30), datetime(2026, 3, 29, 22, 0, tzinfo=UTC)),
        (date(2026, 10, 25), datetime(2026, 10, 24, 22, 0, tzinfo=UTC)),
        (date(2026, 10, 26), datetime(2026, 10, 25, 23, 0, tzinfo=UTC)),
    ],
)
def test_a_dutch_day_begins_at_dutch_midnight(datum: date, utc: datetime) -> None:
    assert begin_van_dag(datum) == utc
    assert nederlandse_datum(begin_van_dag(datum)) == datum


@given(st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(2100, 1, 1)))
def test_the_dutch_date_is_the_utc_date_one_or_two_hours_later(wall: datetime) -> None:
    moment = wall.replace(tzinfo=UTC)
    assert nederlandse_datum(moment) in {
        (moment + timedelta(hours=1)).date(),
        (moment + timedelta(hours=2)).date(),
    }
