"""DUO's gebeurtenissen (Gebeurtenissen.md) and what each means for the gemeente."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Soort(StrEnum):
    """How the intake service handles a gebeurtenis; several SS codes share one handling."""

    NIEUWE_PLICHTIGE = "nieuwe-plichtige"
    GEVESTIGD = "gevestigd"
    DOELGROEP_GEWIJZIGD = "doelgroep-gewijzigd"
    PLICHT_BEEINDIGD = "plicht-beeindigd"
    PLICHT_VOLDAAN = "plicht-voldaan"
    LBT_AANGEMELD = "lbt-aangemeld"
    LBT_UITSLAG = "lbt-uitslag"
    TERMIJN_GESTART = "termijn-gestart"
    TERMIJN_GEWIJZIGD = "termijn-gewijzigd"
    EXAMENUITSLAG = "examenuitslag"
    VERZOEK_BEOORDEELD = "verzoek-beoordeeld"


@dataclass(frozen=True)
class Gebeurtenis:
    id: str
    soort: Soort
    omschrijving: str


_CATALOGUS = (
    Gebeurtenis("SS101", Soort.NIEUWE_PLICHTIGE, "Persoon is inburgeringsplichtig."),
    Gebeurtenis(
        "SS128",
        Soort.NIEUWE_PLICHTIGE,
        "Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden.",
    ),
    Gebeurtenis(
        "SS139",
        Soort.NIEUWE_PLICHTIGE,
        "Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen "
        "leerroute is gestart.",
    ),
    Gebeurtenis(
        "SS129", Soort.NIEUWE_PLICHTIGE, "Tijdelijke vrijstelling ingetrokken, nog geen leerroute."
    ),
    Gebeurtenis(
        "SS120", Soort.GEVESTIGD, "Inburgeringsplichtige in gemeente gevestigd zonder PIP."
    ),
    Gebeurtenis(
        "SS121",
        Soort.GEVESTIGD,
        "Inburgeringsplichtige in gemeente gevestigd met PIP vorige gemeente.",
    ),
    Gebeurtenis(
        "SS124",
        Soort.DOELGROEP_GEWIJZIGD,
        "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd.",
    ),
    Gebeurtenis(
        "SS125",
        Soort.DOELGROEP_GEWIJZIGD,
        "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd.",
    ),
    Gebeurtenis("SS109", Soort.PLICHT_BEEINDIGD, "Tijdelijke vrijstelling toegekend."),
    Gebeurtenis("SS110", Soort.PLICHT_BEEINDIGD, "Inburgeringsplicht ingetrokken."),
    Gebeurtenis("SS111", Soort.PLICHT_BEEINDIGD, "Persoon is overleden."),
    Gebeurtenis("SS106", Soort.PLICHT_VOLDAAN, "Diploma behaald."),
    Gebeurtenis("SS107", Soort.PLICHT_VOLDAAN, "Gehele vrijstelling toegekend."),
    Gebeurtenis("SS108", Soort.PLICHT_VOLDAAN, "Gehele ontheffing toegekend."),
    Gebeurtenis("SS137", Soort.LBT_AANGEMELD, "Persoon is aangemeld voor de leerbaarheidstoets."),
    Gebeurtenis(
        "SS131", Soort.LBT_UITSLAG, "Leerbaarheidstoets is afgenomen en resultaat is bekend."
    ),
    Gebeurtenis("SS102", Soort.TERMIJN_GESTART, "Inburgeringstermijn gestart."),
    Gebeurtenis("SS103", Soort.TERMIJN_GEWIJZIGD, "Termijn ambtshalve verlengd."),
    Gebeurtenis("SS104", Soort.TERMIJN_GEWIJZIGD, "Termijn op verzoek verlengd."),
    Gebeurtenis(
        "SS130",
        Soort.TERMIJN_GEWIJZIGD,
        "Tijdelijke vrijstelling ingetrokken, PIP al bekend; de inburgeringsplicht wordt hervat.",
    ),
    Gebeurtenis("SS199", Soort.EXAMENUITSLAG, "Uitslag examen bekend."),
    Gebeurtenis("SS113", Soort.VERZOEK_BEOORDEELD, "Verzoek verlenging afgewezen."),
    Gebeurtenis("SS114", Soort.VERZOEK_BEOORDEELD, "Verzoek gehele vrijstelling afgewezen."),
    Gebeurtenis("SS115", Soort.VERZOEK_BEOORDEELD, "Verzoek tijdelijke vrijstelling afgewezen."),
    Gebeurtenis("SS116", Soort.VERZOEK_BEOORDEELD, "Verzoek gedeeltelijke vrijstelling afgewezen."),
    Gebeurtenis("SS117", Soort.VERZOEK_BEOORDEELD, "Verzoek gedeeltelijke vrijstelling toegekend."),
    Gebeurtenis("SS118", Soort.VERZOEK_BEOORDEELD, "Verzoek ontheffing afgewezen."),
    Gebeurtenis("SS119", Soort.VERZOEK_BEOORDEELD, "Verzoek gedeeltelijke ontheffing toegekend."),
)
CATALOGUS: dict[str, Gebeurtenis] = {g.id: g for g in _CATALOGUS}


def herken(gebeurtenis_id: str) -> Gebeurtenis | None:
    """None for a gebeurtenis DUO added after this catalogue: it is parked, never dropped."""
    return CATALOGUS.get(gebeurtenis_id)
