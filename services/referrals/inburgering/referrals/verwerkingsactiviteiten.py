"""The referrals service's entries in the register van verwerkingsactiviteiten (AVG art. 30)."""

from __future__ import annotations

from inburgering.shared.logboek import Register, Verwerkingsactiviteit

VERWIJZING = Verwerkingsactiviteit(
    code="verwijzing-hoger-onderwijs",
    omschrijving="Inburgeraars naar een opleiding in het hbo of wo verwijzen en het traject volgen",
    grondslag="[Wi] art. 15 (onderwijsroute); toestemming van de inburgeraar voor de instelling",
    paden=("/verwijzingen", "/aanmeldingen"),
)


def register(prefix: str) -> Register:
    return Register(prefix=prefix, standaard=VERWIJZING, activiteiten=(VERWIJZING,))
