"""The subscriptions service's entry in the register van verwerkingsactiviteiten (AVG art. 30):
it passes a gemeente's own events on to that gemeente's systems."""

from __future__ import annotations

from inburgering.shared.logboek import Register, Verwerkingsactiviteit

DOORGIFTE = Verwerkingsactiviteit(
    code="gebeurtenissen-doorgeven",
    omschrijving="Gebeurtenissen over inburgeraars aan de systemen van de eigen gemeente doorgeven",
    grondslag="[Wi] art. 35 en 36; gemeente als verwerkingsverantwoordelijke",
    paden=("/gebeurtenissen", "/abonnementen"),
)


def register(prefix: str) -> Register:
    return Register(prefix=prefix, standaard=DOORGIFTE, activiteiten=(DOORGIFTE,))
