"""Changing a decided leerroute ([Wi] 17.2; [Bi] 5.4).

A change is allowed within 18 months of the start of the termijn. Afterwards only the
onderwijsroute → B1-route (always allowed, [Bi] 5.4.1) and a change after finishing or leaving a
designated non-exempting course remain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inburgering.routes.domain.advies import leerroute_naam
from inburgering.routes.domain.errors import (
    LeerrouteOngewijzigd,
    MotiveringVereist,
    RoutewijzigingVensterGesloten,
)
from inburgering.routes.domain.termijn import Inburgeringstermijn
from inburgering.shared.events.vocabulary import Leerroute

ARTIKEL = "art. 17 lid 2 Wet inburgering 2021 en art. 5.4 Besluit inburgering 2021"


class Wijzigingsgrond(StrEnum):
    VOORTGANG = "voortgang"
    """Progress is insufficient or better than expected: the ordinary ground ([Wi] 17.2)."""
    NIET_VRIJSTELLENDE_OPLEIDING = "niet-vrijstellende-opleiding"
    """After finishing or leaving a designated non-exempting course ([Bi] 5.4)."""


@dataclass(frozen=True)
class Wijziging:
    vorige: Leerroute
    nieuwe: Leerroute
    grond: Wijzigingsgrond
    motivering: str
    ingangsdatum: date


def wijzig(
    huidige: Leerroute,
    nieuwe: Leerroute,
    grond: Wijzigingsgrond,
    motivering: str | None,
    termijn: Inburgeringstermijn | None,
    vandaag: date,
) -> Wijziging:
    """Without a termijn (no PIP yet) the 18 months have not even started."""
    if nieuwe == huidige:
        raise LeerrouteOngewijzigd(f"De leerroute is al {leerroute_naam(huidige)}.")
    motivering = (motivering or "").strip()
    if not motivering:
        raise MotiveringVereist(
            "Een wijziging van de leerroute wijzigt het PIP, een beschikking; motiveer haar "
            "(veld 'motivering')."
        )
    altijd = huidige is Leerroute.ONDERWIJSROUTE and nieuwe is Leerroute.B1_ROUTE
    uitzondering = grond is Wijzigingsgrond.NIET_VRIJSTELLENDE_OPLEIDING
    if (
        termijn
        and not termijn.routewijziging_toegestaan_op(vandaag)
        and not (altijd or uitzondering)
    ):
        raise RoutewijzigingVensterGesloten(
            f"Regel R4 ({ARTIKEL}): de leerroute kan alleen worden gewijzigd binnen 18 maanden na "
            f"aanvang van de inburgeringstermijn. De termijn begon op "
            f"{termijn.startdatum.isoformat()}; wijzigen kon tot "
            f"{termijn.routewijziging_venster_sluit.isoformat()}. Daarna mag alleen de "
            "onderwijsroute nog naar de B1-route, of een wijziging na een aangewezen "
            "niet-vrijstellende opleiding."
        )
    return Wijziging(huidige, nieuwe, grond, motivering, vandaag)
