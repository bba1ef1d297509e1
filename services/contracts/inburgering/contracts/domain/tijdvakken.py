"""Calendar periods for the lead gemeente's views: months, quarters or years; no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# Ten years of months: enough for any contract period, small enough for one query.
MAX_TIJDVAKKEN = 120


class Periodesoort(StrEnum):
    MAAND = "maand"
    KWARTAAL = "kwartaal"
    JAAR = "jaar"


@dataclass(frozen=True)
class Tijdvak:
    label: str
    # Both inclusive; the first and last period are cut off at the requested bounds.
    van: date
    tot: date


def _maanden(soort: Periodesoort) -> int:
    return {Periodesoort.MAAND: 1, Periodesoort.KWARTAAL: 3, Periodesoort.JAAR: 12}[soort]


def _label(soort: Periodesoort, begin: date) -> str:
    if soort is Periodesoort.JAAR:
        return f"{begin.year}"
    if soort is Periodesoort.KWARTAAL:
        return f"{begin.year}-K{(begin.month - 1) // 3 + 1}"
    return f"{begin.year}-{begin.month:02d}"


def _plus_maanden(dag: date, maanden: int) -> date:
    index = dag.year * 12 + dag.month - 1 + maanden
    return date(index // 12, index % 12 + 1, 1)


def aantal_tijdvakken(soort: Periodesoort, van: date, tot: date) -> int:
    stap = _maanden(soort)
    return (tot.year * 12 + tot.month - 1) // stap - (van.year * 12 + van.month - 1) // stap + 1


def tijdvakken(soort: Periodesoort, van: date, tot: date) -> list[Tijdvak]:
    """The calendar periods that touch [van, tot], in order."""
    stap = _maanden(soort)
    index = (van.year * 12 + van.month - 1) // stap * stap
    begin = date(index // 12, index % 12 + 1, 1)
    vakken = []
    while begin <= tot:
        volgende = _plus_maanden(begin, stap)
        vakken.append(
            Tijdvak(
                label=_label(soort, begin),
                van=max(begin, van),
                tot=min(date.fromordinal(volgende.toordinal() - 1), tot),
            )
        )
        begin = volgende
    return vakken
