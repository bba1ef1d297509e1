"""The contracts service's entries in the register van verwerkingsactiviteiten (AVG art. 30)."""

from __future__ import annotations

from inburgering.shared.logboek import Register, Verwerkingsactiviteit

PLAATSING = Verwerkingsactiviteit(
    code="plaatsing-regelen",
    omschrijving="Inburgeraars plaatsen bij een aanbieder van het samenwerkingsverband",
    grondslag="[Wi] art. 16; [Bi] art. 9.2",
    paden=("/plaatsingen",),
)
RAPPORTAGE = Verwerkingsactiviteit(
    code="aanbieder-rapportage",
    omschrijving="Start, aanwezigheid, voortgang en resultaten van de aanbieder ontvangen",
    grondslag="[Wi] art. 35.3; [Bi] art. 9.2.4",
    paden=("/plaatsingen/{plaatsing_id}",),
)


def register(prefix: str) -> Register:
    return Register(prefix=prefix, standaard=PLAATSING, activiteiten=(PLAATSING, RAPPORTAGE))
