"""The published outcomes of placements per leerroute, and per gemeente or per contract: how
many completed, dropped out, were ended by a route change or are running, and the median
duration of the completed ones; no I/O.

Each outcome is its own set of tables (total, per leerroute, per gemeente or per contract,
a leerroute being the sum of its contracts), suppressed together across gemeenten
(domain/onderdrukking.py); a median follows its count (domain/statistiek.py).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from inburgering.contracts.domain.model import EindeReden, PlaatsingStatus
from inburgering.contracts.domain.statistiek import Mediaan, mediaan
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.statistiek.onderdrukking import Cijfer, Som, publiceer


class Uitkomst(StrEnum):
    AFGEROND = "afgerond"
    UITGEVALLEN = "uitgevallen"
    BEEINDIGD_DOOR_ROUTEWIJZIGING = "beeindigd-door-routewijziging"
    LOPEND = "lopend"


def uitkomst(status: PlaatsingStatus, einde_reden: str | None) -> Uitkomst | None:
    """None for a placement that has not started (or ended for another reason)."""
    if status is PlaatsingStatus.AFGEROND:
        return Uitkomst.AFGEROND
    if status is PlaatsingStatus.UITGEVALLEN:
        return Uitkomst.UITGEVALLEN
    if status is PlaatsingStatus.GESTART:
        return Uitkomst.LOPEND
    # Withdrawn before the start or ended during the course: both because the route changed.
    if (
        status in (PlaatsingStatus.INGETROKKEN, PlaatsingStatus.BEEINDIGD)
        and einde_reden == EindeReden.LEERROUTE_GEWIJZIGD
    ):
        return Uitkomst.BEEINDIGD_DOOR_ROUTEWIJZIGING
    return None


@dataclass(frozen=True)
class Afloop:
    """One placement's outcome, without whose it is."""

    gemeentecode: str
    leerroute: Leerroute
    contract_id: uuid.UUID | None
    uitkomst: Uitkomst
    # Days from the start to the end, for a completed placement.
    duur_dagen: int | None = None


@dataclass(frozen=True)
class Uitkomstcijfers:
    aantallen: dict[Uitkomst, Cijfer]
    mediane_duur: Mediaan


ContractSleutel = tuple[uuid.UUID | None, Leerroute]


@dataclass(frozen=True)
class Uitkomsttabellen:
    totaal: Uitkomstcijfers
    per_leerroute: dict[Leerroute, Uitkomstcijfers]
    per_gemeente: dict[str, Uitkomstcijfers] | None
    per_contract: dict[ContractSleutel, Uitkomstcijfers] | None


def tabellen(
    aflopen: Iterable[Afloop],
    *,
    gemeenten: Iterable[str] | None = None,
    contracten: Iterable[ContractSleutel] | None = None,
    onderdrukken: bool,
) -> Uitkomsttabellen:
    """`gemeenten` or `contracten` (None: no such table) are listed even without placements."""
    rijen: set[tuple[Hashable, ...]] = {("totaal",), *(("leerroute", r) for r in Leerroute)}
    rijen |= {("gemeente", code) for code in gemeenten or ()}
    rijen |= {("contract", *sleutel) for sleutel in contracten or ()}
    aantallen: Counter[tuple[Hashable, ...]] = Counter()
    duren: dict[tuple[Hashable, ...], list[int]] = defaultdict(list)
    for afloop in aflopen:
        eigen_rijen: list[tuple[Hashable, ...]] = [("totaal",), ("leerroute", afloop.leerroute)]
        if gemeenten is not None:
            eigen_rijen.append(("gemeente", afloop.gemeentecode))
        if contracten is not None:
            eigen_rijen.append(("contract", afloop.contract_id, afloop.leerroute))
        rijen.update(eigen_rijen)
        for rij in eigen_rijen:
            aantallen[(afloop.uitkomst, *rij)] += 1
            if afloop.uitkomst is Uitkomst.AFGEROND and afloop.duur_dagen is not None:
                duren[rij].append(afloop.duur_dagen)
    # Every row shows every outcome, 0 included.
    for u in Uitkomst:
        for rij in rijen:
            aantallen[(u, *rij)] += 0
    cijfers = publiceer(aantallen, _sommen(aantallen), onderdrukken=onderdrukken)

    def regel(rij: tuple[Hashable, ...]) -> Uitkomstcijfers:
        per_uitkomst = {u: cijfers[(u, *rij)] for u in Uitkomst}
        return Uitkomstcijfers(
            per_uitkomst,
            mediaan(duren[rij], per_uitkomst[Uitkomst.AFGEROND], onderdrukken=onderdrukken),
        )

    alle_rijen = sorted(rijen, key=lambda rij: tuple((w is None, str(w)) for w in rij))
    return Uitkomsttabellen(
        totaal=regel(("totaal",)),
        per_leerroute={route: regel(("leerroute", route)) for route in Leerroute},
        per_gemeente=None
        if gemeenten is None
        else {rij[1]: regel(rij) for rij in alle_rijen if rij[0] == "gemeente"},
        per_contract=None
        if contracten is None
        else {(rij[1], rij[2]): regel(rij) for rij in alle_rijen if rij[0] == "contract"},
    )


def _sommen(aantallen: Counter[tuple[Hashable, ...]]) -> list[Som[tuple[Hashable, ...]]]:
    """Per outcome: the leerroutes and the gemeenten each sum to the total, the contracts of a
    leerroute to that leerroute."""
    delen: dict[tuple[Hashable, ...], list[tuple[Hashable, ...]]] = defaultdict(list)
    for sleutel in aantallen:
        u, soort = sleutel[0], sleutel[1]
        if soort in ("leerroute", "gemeente"):
            delen[(u, "totaal", soort)].append(sleutel)
        elif soort == "contract":
            delen[(u, "leerroute", sleutel[3])].append(sleutel)
    return [
        Som((geheel[0], "totaal") if geheel[1] == "totaal" else geheel, tuple(stukken))
        for geheel, stukken in delen.items()
    ]
