"""DUO's values (enumerations of its APIs) translated to the platform's vocabulary."""

from __future__ import annotations

from enum import StrEnum

from inburgering.intake.domain.poging import OnleesbaarAntwoord
from inburgering.shared.events.vocabulary import Doelgroep, LeerbaarheidstoetsUitslag


class PlichtStatus(StrEnum):
    """The life of the obligation as the gemeente sees it (domain §9.1)."""

    AANGEMELD = "aangemeld"  # registered by the gemeente, DUO has not (yet) notified
    ACTIEF = "actief"
    TIJDELIJK_VRIJGESTELD = "tijdelijk-vrijgesteld"
    BEEINDIGD = "beeindigd"
    VOLDAAN = "voldaan"


def doelgroep_van_duo(indeling: str | None, gedetailleerd: str | None) -> Doelgroep:
    if indeling == "Asielstatushouder":
        return Doelgroep.ASIELSTATUSHOUDER
    if gedetailleerd and gedetailleerd.startswith("Gezins"):
        return Doelgroep.GEZINSMIGRANT
    return Doelgroep.OVERIGE_MIGRANT


def lbt_uitslag_van_duo(resultaat: str) -> LeerbaarheidstoetsUitslag | None:
    return {
        "B1-route haalbaar": LeerbaarheidstoetsUitslag.B1_HAALBAAR,
        "B1-route niet haalbaar": LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR,
    }.get(resultaat)


def score_van_duo(score: object) -> float:
    """DUO writes scores with a decimal comma, e.g. '28,00'."""
    if isinstance(score, str | int | float) and not isinstance(score, bool):
        try:
            return float(str(score).replace(",", "."))
        except ValueError:
            pass
    raise OnleesbaarAntwoord("behaaldeScore is geen getal")


def reden_beeindigd(gebeurtenis_id: str) -> str:
    return "tijdelijke-vrijstelling" if gebeurtenis_id == "SS109" else "beeindigd"


def reden_voldaan(gebeurtenis_id: str) -> str:
    return {"SS106": "diploma", "SS107": "vrijstelling", "SS108": "ontheffing"}[gebeurtenis_id]
