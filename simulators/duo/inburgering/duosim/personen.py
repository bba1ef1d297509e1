"""The persons the simulated DUO knows, in DUO's own JSON shapes (the API schemas)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class Persoon:
    bsn: str
    gemeentecode: str
    """CBS code without prefix (DUO writes '0772'): the gemeente the person belongs to."""
    inburgeringsplicht: dict[str, Any]
    doelgroep: dict[str, Any]
    vestiging: date | None = None
    lbt_resultaten: list[dict[str, Any]] = field(default_factory=list)
    termijn: dict[str, Any] | None = None
    examens: list[dict[str, Any]] = field(default_factory=list)
    vrijstellingen: list[dict[str, Any]] = field(default_factory=list)
    ontheffingen: list[dict[str, Any]] = field(default_factory=list)
    pip: dict[str, Any] | None = None
    """DUO's `Gemeente` schema: {"gemeentecode": "0772", "pip": {...}} (the current PIP)."""
    eerste_dagtekening: date | None = None
    inburgeringsaanbod: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The current aanbod per instellingsnummer (a new one overwrites the previous one)."""


def plichtig(
    bsn: str,
    gemeentecode: str = "0772",
    *,
    asiel: bool = True,
    begindatum: str = "2026-08-15",
    kennisgeving: str = "2026-09-01",
    **extra: Any,
) -> Persoon:
    """An inburgeringsplichtige as DUO registers one after the IND's decision."""
    return Persoon(
        bsn=bsn,
        gemeentecode=gemeentecode,
        inburgeringsplicht={
            "indicatorInburgeringsplicht": True,
            "begindatum": begindatum,
            "wijzigingsdatum": kennisgeving,
            "datumKennisgevingInburgeringsplicht": kennisgeving,
        },
        doelgroep=(
            {
                "indeling": "Asielstatushouder",
                "begindatum": begindatum,
                "gedetailleerdeDoelgroep": "Asielstatushouder",
            }
            if asiel
            else {
                "indeling": "Gezinsmigrant en overige migrant",
                "begindatum": begindatum,
                "gedetailleerdeDoelgroep": "Gezinsvormer",
            }
        ),
        **extra,
    )


def seed() -> dict[str, Persoon]:
    """Test BSNs (9999xxxxx, passing the elfproef) for development by hand."""
    personen = [
        plichtig(
            "999900006",
            lbt_resultaten=[
                {
                    "resultaat": "B1-route haalbaar",
                    "behaaldeScore": "29,00",
                    "benodigdeScore": "28,00",
                    "datumAfname": "2026-10-01",
                }
            ],
        ),
        plichtig("999900018", asiel=False),
        plichtig(
            "999900031",
            vestiging=date(2026, 10, 1),
            pip={"gemeentecode": "0794", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "B"}},
            eerste_dagtekening=date(2026, 3, 2),
            termijn={"startdatum": "2026-03-03", "einddatum": "2029-03-03"},
        ),
        plichtig("999900043", gemeentecode="0794"),
    ]
    return {p.bsn: p for p in personen}
