"""DUO's conditions for the inburgeringsaanbod (DUO README 'Inburgeringsaanbod'; [Wi] art. 16)
and the body of the melding (API/Inburgeringsaanbod/openapi.yml)."""

from __future__ import annotations

from datetime import date

import pytest

from inburgering.intake.domain.inburgeringsaanbod import (
    Aanbod,
    aanbod_bericht,
    aanbod_overtredingen,
    moet_gemeld,
)
from inburgering.shared.events.vocabulary import Alfabetisering, Doelgroep

GELDIG = Aanbod(
    startdatum=date(2026, 11, 16),
    alfabetisering=Alfabetisering.A,
    instellingsnummer="0000100001",
    pip_dagtekening=date(2026, 11, 2),
)


@pytest.mark.parametrize(
    ("doelgroep", "gemeld"),
    [
        # [Wi] art. 16.1 and README 'Het inburgeringsaanbod is voor een asielmigrant'.
        (Doelgroep.ASIELSTATUSHOUDER, True),
        # [Wi] art. 19: gezinsmigranten and overige migranten arrange their own course.
        (Doelgroep.GEZINSMIGRANT, False),
        (Doelgroep.OVERIGE_MIGRANT, False),
    ],
)
def test_only_the_aanbod_to_an_asielstatushouder_is_reported(
    doelgroep: Doelgroep, gemeld: bool
) -> None:
    assert moet_gemeld(doelgroep) is gemeld


@pytest.mark.parametrize(
    ("regel", "wijziging", "fout"),
    [
        ("README: de persoon heeft een PIP", {"pip_dagtekening": None}, "geen vastgesteld PIP"),
        (
            "README: de data liggen niet voor de dagtekening van de actuele PIP",
            {"startdatum": date(2026, 11, 1)},
            "voor de dagtekening",
        ),
        ("spec: indicatorAlfabetiseringsonderwijs required", {"alfabetisering": None}, "A, AA"),
        ("spec: instellingsnummer in the path", {"instellingsnummer": None}, "instellingsnummer"),
        ("spec: instellingsnummer of 10", {"instellingsnummer": "12345"}, "10 tekens"),
    ],
)
def test_an_aanbod_duo_would_refuse_names_the_rule(
    regel: str, wijziging: dict[str, object], fout: str
) -> None:
    aanbod = Aanbod(**{**GELDIG.__dict__, **wijziging})  # type: ignore[arg-type]
    [overtreding] = aanbod_overtredingen(aanbod)
    assert fout in overtreding, regel


def test_an_aanbod_on_the_dagtekening_itself_is_allowed() -> None:
    aanbod = Aanbod(**{**GELDIG.__dict__, "startdatum": GELDIG.pip_dagtekening})
    assert aanbod_overtredingen(aanbod) == []


def test_the_body_carries_the_start_and_the_alfabetisering() -> None:
    assert aanbod_bericht(GELDIG) == {
        "datumInburgeringsaanbod": "2026-11-16",
        "verwachteStartdatumOpleiding": "2026-11-16",
        "indicatorAlfabetiseringsonderwijs": "A",
    }
