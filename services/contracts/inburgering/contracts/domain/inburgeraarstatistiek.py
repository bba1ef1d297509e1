"""The published tables of inburgeraars: per gemeente, leerroute, doelgroep, cohort and status,
each summing to the total; no I/O.

Across gemeenten the small-cell rules apply to all tables together (domain/onderdrukking.py).
The cohort is suppressed over months and quarters at once, so asking for the other period
cannot undo a hidden month: a quarter is the sum of its months. A gemeente's own view also
gets the full cross-table (`cellen`), unsuppressed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from inburgering.contracts.domain.statistiek import Cohortperiode, PijplijnStatus, cohort
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.statistiek.onderdrukking import Cijfer, Som, publiceer


@dataclass(frozen=True)
class Groep:
    """Inburgeraars alike in everything the statistics show; never who they are."""

    gemeentecode: str
    leerroute: Leerroute | None
    doelgroep: Doelgroep | None
    eerste_pip_op: date | None
    status: PijplijnStatus
    aantal: int


@dataclass(frozen=True)
class Cel:
    gemeentecode: str
    leerroute: Leerroute | None
    doelgroep: Doelgroep | None
    cohort: str | None
    status: PijplijnStatus
    aantal: int


@dataclass(frozen=True)
class Inburgeraarstabellen:
    totaal: Cijfer
    per_gemeente: dict[str, Cijfer]
    per_leerroute: dict[Leerroute | None, Cijfer]
    per_doelgroep: dict[Doelgroep | None, Cijfer]
    per_cohort: dict[str | None, Cijfer]
    per_status: dict[PijplijnStatus, Cijfer]
    # Only in a gemeente's own view.
    cellen: list[Cel] | None


TOTAAL = ("totaal",)
GEEN_PIP = ("cohort", None)


def tabellen(
    groepen: Iterable[Groep],
    gemeenten: Iterable[str],
    periode: Cohortperiode,
    *,
    onderdrukken: bool,
) -> Inburgeraarstabellen:
    """`gemeenten` are listed even without anyone (a 0 is shown); others appear as found."""
    groepen = list(groepen)
    aantallen: Counter[tuple[Hashable, ...]] = Counter()
    for sleutel in (
        TOTAAL,
        GEEN_PIP,
        *(("gemeente", code) for code in gemeenten),
        *(("leerroute", route) for route in (*Leerroute, None)),
        *(("doelgroep", doelgroep) for doelgroep in (*Doelgroep, None)),
        *(("status", stand) for stand in PijplijnStatus),
    ):
        aantallen[sleutel] += 0
    kwartaal_van: dict[str, str] = {}
    for groep in groepen:
        maand = cohort(groep.eerste_pip_op, Cohortperiode.MAAND)
        kwartaal = cohort(groep.eerste_pip_op, Cohortperiode.KWARTAAL)
        cohorten: list[tuple[Hashable, ...]] = [GEEN_PIP]
        if maand is not None and kwartaal is not None:
            kwartaal_van[maand] = kwartaal
            cohorten = [("maand", maand), ("kwartaal", kwartaal)]
        for sleutel in (
            TOTAAL,
            ("gemeente", groep.gemeentecode),
            ("leerroute", groep.leerroute),
            ("doelgroep", groep.doelgroep),
            ("status", groep.status),
            *cohorten,
        ):
            aantallen[sleutel] += groep.aantal
    cijfers = publiceer(aantallen, _sommen(aantallen, kwartaal_van), onderdrukken=onderdrukken)

    def per(dimensie: str) -> dict[Any, Cijfer]:
        return {sleutel[1]: cijfer for sleutel, cijfer in cijfers.items() if sleutel[0] == dimensie}

    cohort_dimensie = "maand" if periode is Cohortperiode.MAAND else "kwartaal"
    return Inburgeraarstabellen(
        totaal=cijfers[TOTAAL],
        per_gemeente=dict(sorted(per("gemeente").items())),
        per_leerroute=per("leerroute"),
        per_doelgroep=per("doelgroep"),
        per_cohort={**dict(sorted(per(cohort_dimensie).items())), None: cijfers[GEEN_PIP]},
        per_status=per("status"),
        cellen=None if onderdrukken else _cellen(groepen, periode),
    )


def _sommen(
    aantallen: Counter[tuple[Hashable, ...]], kwartaal_van: dict[str, str]
) -> list[Som[tuple[Hashable, ...]]]:
    """Every table sums to the total; each quarter to its months."""
    per_dimensie: dict[Hashable, list[tuple[Hashable, ...]]] = {}
    for sleutel in aantallen:
        if sleutel not in (TOTAAL, GEEN_PIP):
            per_dimensie.setdefault(sleutel[0], []).append(sleutel)
    sommen = [
        Som(TOTAAL, tuple(delen) + ((GEEN_PIP,) if dimensie in ("maand", "kwartaal") else ()))
        for dimensie, delen in per_dimensie.items()
    ]
    if "maand" not in per_dimensie:
        sommen.append(Som(TOTAAL, (GEEN_PIP,)))
    for kwartaal in {*kwartaal_van.values()}:
        maanden = tuple(("maand", m) for m, k in kwartaal_van.items() if k == kwartaal)
        sommen.append(Som(("kwartaal", kwartaal), maanden))
    return sommen


def _cellen(groepen: list[Groep], periode: Cohortperiode) -> list[Cel]:
    tellingen: Counter[tuple] = Counter()
    for g in groepen:
        sleutel = (
            g.gemeentecode,
            g.leerroute,
            g.doelgroep,
            cohort(g.eerste_pip_op, periode),
            g.status,
        )
        tellingen[sleutel] += g.aantal
    cellen = [Cel(*sleutel, aantal=aantal) for sleutel, aantal in tellingen.items() if aantal]
    return sorted(cellen, key=lambda cel: tuple((w is None, w or "") for w in vars(cel).values()))
