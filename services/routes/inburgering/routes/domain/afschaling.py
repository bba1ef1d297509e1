"""Scaling the B1-route down to A2 for some or all skills ([Wi] 17.3; [Bi] 5.5)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from inburgering.routes.domain.errors import (
    AfschalingAlleenVanuitB1Route,
    MotiveringVereist,
    OnvoldoendeNt2Uren,
    VaardigheidAlAfgeschaald,
)
from inburgering.shared.events.routes import Vaardigheid
from inburgering.shared.events.vocabulary import Leerroute

MINIMUM_NT2_UREN = 600
ARTIKEL = "art. 17 lid 3 Wet inburgering 2021 en art. 5.5 Besluit inburgering 2021"


@dataclass(frozen=True)
class Afschaling:
    vaardigheden: frozenset[Vaardigheid]
    nt2_uren: float
    motivering: str
    ingangsdatum: date


def schaal_af(
    leerroute: Leerroute,
    al_afgeschaald: Collection[Vaardigheid],
    vaardigheden: Collection[Vaardigheid],
    nt2_uren: float,
    motivering: str | None,
    vandaag: date,
) -> Afschaling:
    """`nt2_uren` counts only hours at keurmerk or taalschakel institutions."""
    if leerroute is not Leerroute.B1_ROUTE:
        raise AfschalingAlleenVanuitB1Route(
            f"Regel R9 ({ARTIKEL}): afschalen naar A2 kan alleen vanuit de B1-route; de huidige "
            f"leerroute is {leerroute}."
        )
    dubbel = sorted(set(vaardigheden) & set(al_afgeschaald))
    if dubbel:
        raise VaardigheidAlAfgeschaald("Al afgeschaald naar A2: " + ", ".join(dubbel) + ".")
    if nt2_uren < MINIMUM_NT2_UREN:
        raise OnvoldoendeNt2Uren(
            f"Regel R9 ({ARTIKEL}): afschalen naar A2 vereist in totaal ten minste "
            f"{MINIMUM_NT2_UREN} uur NT2 bij een instelling met keurmerk of een "
            f"taalschakelinstelling; geregistreerd zijn {nt2_uren:g} uur."
        )
    motivering = (motivering or "").strip()
    if not motivering:
        raise MotiveringVereist(
            "Afschalen vereist feiten waaruit voldoende inspanning blijkt (veld 'motivering')."
        )
    return Afschaling(frozenset(vaardigheden), nt2_uren, motivering, vandaag)
