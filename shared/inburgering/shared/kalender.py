"""Dutch calendar dates: a legal date is a day in the Netherlands, never a day in UTC.

A DUO registration at 00:30 on 2 November (+01:00) is 23:30 on 1 November in UTC; counting the
UTC day would move every deadline derived from it a day early. This module is the one place a
moment becomes a date, so that the zone is never forgotten.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

NEDERLAND = ZoneInfo("Europe/Amsterdam")
"""Dutch civil time: CET in winter, CEST in summer."""


class TijdzoneOntbreekt(ValueError):
    """A moment without a zone names no day: refused rather than guessed."""


def nederlandse_datum(moment: datetime) -> date:
    """The calendar date in the Netherlands at `moment`."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise TijdzoneOntbreekt("Een tijdstip zonder tijdzone heeft geen Nederlandse datum.")
    return moment.astimezone(NEDERLAND).date()


def begin_van_dag(datum: date) -> datetime:
    """Midnight at the start of `datum` in the Netherlands."""
    return datetime.combine(datum, time.min, tzinfo=NEDERLAND)
