"""The case manager's decision on the leerroute: confirm the advice, or deviate with reasons."""

from __future__ import annotations

from dataclasses import dataclass

from inburgering.routes.domain.advies import leerroute_naam
from inburgering.routes.domain.errors import LeerrouteVereist, MotiveringVereist
from inburgering.shared.events.vocabulary import Leerroute


@dataclass(frozen=True)
class Vaststelling:
    leerroute: Leerroute
    afwijkend_van_advies: bool
    motivering: str | None


def stel_vast(
    geadviseerd: Leerroute | None, gekozen: Leerroute | None, motivering: str | None
) -> Vaststelling:
    """Without an advice a person chooses; both then and when deviating, the reasons are recorded
    because the leerroute is part of the PIP, a decision open to objection."""
    motivering = (motivering or "").strip() or None
    if geadviseerd is None:
        if gekozen is None:
            raise LeerrouteVereist(
                "Er is geen automatisch advies; geef de leerroute op (veld 'leerroute')."
            )
        if motivering is None:
            raise MotiveringVereist(
                "Er is geen automatisch advies; motiveer de gekozen leerroute (veld 'motivering')."
            )
        return Vaststelling(gekozen, afwijkend_van_advies=False, motivering=motivering)
    if gekozen is None or gekozen == geadviseerd:
        return Vaststelling(geadviseerd, afwijkend_van_advies=False, motivering=motivering)
    if motivering is None:
        raise MotiveringVereist(
            f"Afwijken van het advies ({leerroute_naam(geadviseerd)}) vereist een motivering "
            "(veld 'motivering')."
        )
    return Vaststelling(gekozen, afwijkend_van_advies=True, motivering=motivering)
