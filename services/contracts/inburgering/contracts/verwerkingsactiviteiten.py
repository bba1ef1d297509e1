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


INKOOP = Verwerkingsactiviteit(
    code="regionale-inkoop",
    omschrijving=(
        "De stand van inburgeraars in de regio bijhouden voor de vraagprognose van de inkoop en "
        "de statistiek (alleen ids, codes en data; uitkomsten alleen geaggregeerd)"
    ),
    grondslag="[Wi] art. 16 lid 2 (continuïteit van het aanbod); [Wi] art. 39 (statistiek)",
    paden=("/prognoses", "/statistieken"),
    gebeurtenissen=(
        "nl.inburgering.inburgeraar-aangemeld",
        "nl.inburgering.intake-afgerond",
        "nl.inburgering.doelgroep-gewijzigd",
        "nl.inburgering.pip-vastgesteld",
        "nl.inburgering.inburgeringsplicht-beeindigd",
        "nl.inburgering.inburgeringsplicht-voldaan",
        "nl.inburgering.leerroute-geadviseerd",
    ),
)


def register(prefix: str) -> Register:
    return Register(
        prefix=prefix, standaard=PLAATSING, activiteiten=(PLAATSING, RAPPORTAGE, INKOOP)
    )
