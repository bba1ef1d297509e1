"""Calendar arithmetic for statutory periods, in Dutch civil time.

A period of months or years ends on the same day of the month; when that day does not exist
(31 August + 6 months, 29 February + 3 years) it ends on the last day of that month, so a period
is never longer than its months.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta

from inburgering.shared.kalender import NEDERLAND, nederlandse_datum


def plus_maanden(datum: date, maanden: int) -> date:
    index = datum.year * 12 + datum.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    laatste = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(datum.day, laatste))


def plus_jaren(datum: date, jaren: int) -> date:
    return plus_maanden(datum, 12 * jaren)


def min_dagen(datum: date, dagen: int) -> date:
    return datum - timedelta(days=dagen)


def begin_van_dag(datum: date) -> datetime:
    """Midnight at the start of `datum` in the Netherlands, as a UTC moment."""
    return datetime.combine(datum, time.min, tzinfo=NEDERLAND).astimezone(UTC)


def vandaag(nu: datetime) -> date:
    """The Dutch calendar date at moment `nu`."""
    return nederlandse_datum(nu)
