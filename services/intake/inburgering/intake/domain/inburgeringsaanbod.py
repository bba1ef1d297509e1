"""The melding of the inburgeringsaanbod to DUO ([Wi] art. 16; [Bi] 9.2.2) and DUO's conditions
for registering one (DUO README, 'Inburgeringsaanbod')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from inburgering.shared.events.vocabulary import Alfabetisering, Doelgroep

# DUO's instellingsnummer of a Cursusinstelling (path parameter, exactly 10 characters).
INSTELLINGSNUMMER = re.compile(r"^[0-9A-Za-z]{10}$")


def moet_gemeld(doelgroep: Doelgroep) -> bool:
    """Only the aanbod to an asielmigrant is registered by DUO (README: 'Het inburgeringsaanbod
    is voor een asielmigrant'); the gemeente offers the course only to them ([Wi] art. 16.1)."""
    return doelgroep == Doelgroep.ASIELSTATUSHOUDER


@dataclass(frozen=True)
class Aanbod:
    """What the gemeente knows when the provider reported the start of the course."""

    startdatum: date
    alfabetisering: Alfabetisering | None
    instellingsnummer: str | None
    pip_dagtekening: date | None


def aanbod_overtredingen(aanbod: Aanbod) -> list[str]:
    """What DUO would refuse, or what the gemeente cannot send yet; each cites its rule."""
    fouten = []
    if aanbod.pip_dagtekening is None:
        fouten.append("De persoon heeft geen vastgesteld PIP (DUO: 'De persoon heeft een PIP').")
    elif aanbod.startdatum < aanbod.pip_dagtekening:
        fouten.append(
            "De datum van het inburgeringsaanbod ligt voor de dagtekening van de actuele PIP "
            "(DUO: 'De data van het inburgeringsaanbod ligt niet voor de dagtekening')."
        )
    if aanbod.alfabetisering is None:
        fouten.append(
            "De brede intake legde de alfabetisering (A, AA of NVT) niet vast; DUO vereist "
            "indicatorAlfabetiseringsonderwijs."
        )
    if aanbod.instellingsnummer is None:
        fouten.append(
            "Geen DUO-instellingsnummer van de aanbieder: registreer de aanbieder met zijn "
            "DUO-instellingsnummer in de contracts-service; voor deze plaatsing opnieuw melden "
            "na instellen in INTAKE_DUO_INSTELLINGEN."
        )
    elif not INSTELLINGSNUMMER.match(aanbod.instellingsnummer):
        fouten.append("Het DUO-instellingsnummer van de aanbieder is geen 10 tekens.")
    return fouten


def aanbod_bericht(aanbod: Aanbod) -> dict[str, object]:
    """DUO's Inburgeringsaanbod schema. The start the provider reported is both the
    inschrijfdatum ('voor B1- en Z-route tevens de startdatum') and the expected start; the
    expected end is not known when the course starts, so it is left out (it is optional)."""
    if aanbod.alfabetisering is None:
        raise ValueError("indicatorAlfabetiseringsonderwijs is required by DUO")
    return {
        "datumInburgeringsaanbod": aanbod.startdatum.isoformat(),
        "verwachteStartdatumOpleiding": aanbod.startdatum.isoformat(),
        "indicatorAlfabetiseringsonderwijs": aanbod.alfabetisering.value,
    }
