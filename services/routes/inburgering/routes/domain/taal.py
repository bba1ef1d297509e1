"""Language facts of a leerroute: the alfabetisering indicator and the target level per skill."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from inburgering.shared.events.routes import Vaardigheid

# The brede intake establishes it and intake-afgerond carries it; re-exported for the domain.
from inburgering.shared.events.vocabulary import Alfabetisering

__all__ = ["STANDAARD_TAALNIVEAU", "Alfabetisering", "Taalniveau", "taalniveaus"]


class Taalniveau(StrEnum):
    A2 = "A2"
    B1 = "B1"


STANDAARD_TAALNIVEAU = Taalniveau.B1
"""The B1-route aims at B1 in every skill ([Wi] 7.1) until it is scaled down ([Wi] 17.3)."""


def taalniveaus(a2_vaardigheden: Iterable[str]) -> dict[Vaardigheid, Taalniveau]:
    afgeschaald = {Vaardigheid(v) for v in a2_vaardigheden}
    return {v: Taalniveau.A2 if v in afgeschaald else STANDAARD_TAALNIVEAU for v in Vaardigheid}
