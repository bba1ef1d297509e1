"""DUO's rules for a PIP (README, 'Het aanleveren van een PIP') and the termijn it starts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.intake.domain.herhaling import wachttijd
from inburgering.intake.domain.pip import (
    Niveau,
    PipContext,
    PipVoorstel,
    effectief_niveau,
    pip_overtredingen,
    plus_jaren,
    termijn_na_eerste_pip,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

B1, OND, Z = Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE, Leerroute.Z_ROUTE
DAG = date(2026, 11, 2)
ASIEL = PipContext(doelgroep=Doelgroep.ASIELSTATUSHOUDER, eerste_pip=True)


@pytest.mark.parametrize(
    ("voorstel", "context", "fout"),
    [
        (PipVoorstel(OND, DAG, Niveau.A2), ASIEL, "A2 kan niet met de onderwijsroute"),
        (PipVoorstel(Z, DAG, Niveau.B1), ASIEL, "B1 kan niet met de Z-route"),
        (PipVoorstel(B1, DAG, Niveau.A2), ASIEL, "A2 kan niet met de B1-route in het eerste PIP"),
        (PipVoorstel(OND, DAG, geschatte_intensiteit_b1=500), ASIEL, "geschatte intensiteit"),
        (
            PipVoorstel(B1, DAG, geschatte_intensiteit_b1=500),
            PipContext(doelgroep=Doelgroep.GEZINSMIGRANT, eerste_pip=True),
            "geschatte intensiteit",
        ),
        (
            PipVoorstel(B1, DAG),
            PipContext(Doelgroep.ASIELSTATUSHOUDER, True, plicht_start=DAG + timedelta(days=1)),
            "start van de inburgeringsplicht",
        ),
        (
            PipVoorstel(B1, DAG),
            PipContext(Doelgroep.ASIELSTATUSHOUDER, True, vestiging=DAG + timedelta(days=1)),
            "vestiging",
        ),
        (
            PipVoorstel(B1, DAG),
            PipContext(
                Doelgroep.ASIELSTATUSHOUDER, False, dagtekening_actuele_pip=DAG + timedelta(days=1)
            ),
            "eerste of het actuele PIP",
        ),
        (
            PipVoorstel(B1, DAG),
            PipContext(Doelgroep.ASIELSTATUSHOUDER, False, vergrendelde_leerroute=OND),
            "verhuizing",
        ),
    ],
)
def test_each_rule_names_its_violation(
    voorstel: PipVoorstel, context: PipContext, fout: str
) -> None:
    [melding] = pip_overtredingen(voorstel, context)
    assert fout.lower() in melding.lower()


@pytest.mark.parametrize(
    "voorstel",
    [
        PipVoorstel(B1, DAG, Niveau.B1, geschatte_intensiteit_b1=600),
        PipVoorstel(OND, DAG),
        PipVoorstel(Z, DAG, Niveau.A2),
        PipVoorstel(Z, DAG),
    ],
)
def test_valid_first_pips_pass(voorstel: PipVoorstel) -> None:
    assert pip_overtredingen(voorstel, ASIEL) == []


def test_a2_with_the_b1_route_is_allowed_in_a_later_pip() -> None:
    later = PipContext(Doelgroep.ASIELSTATUSHOUDER, eerste_pip=False, dagtekening_actuele_pip=DAG)
    assert pip_overtredingen(PipVoorstel(B1, DAG, Niveau.A2), later) == []


def test_duo_sets_b1_when_no_niveau_is_given_except_for_the_z_route() -> None:
    assert effectief_niveau(PipVoorstel(B1, DAG)) is Niveau.B1
    assert effectief_niveau(PipVoorstel(OND, DAG)) is Niveau.B1
    assert effectief_niveau(PipVoorstel(Z, DAG)) is None


@given(st.dates(min_value=date(2021, 1, 1), max_value=date(2040, 12, 31)))
def test_the_termijn_starts_the_day_after_the_dagtekening_and_lasts_three_years(dag: date) -> None:
    termijn = termijn_na_eerste_pip(dag)
    assert termijn.startdatum == dag + timedelta(days=1)
    assert termijn.einddatum.year == termijn.startdatum.year + 3
    assert 3 * 365 <= (termijn.einddatum - termijn.startdatum).days <= 3 * 365 + 1


def test_a_termijn_starting_on_a_leap_day_ends_on_28_february() -> None:
    assert plus_jaren(date(2028, 2, 29), 3) == date(2031, 2, 28)
    assert termijn_na_eerste_pip(date(2028, 2, 28)).einddatum == date(2031, 2, 28)


@given(st.integers(min_value=1, max_value=200))
def test_backoff_doubles_up_to_its_ceiling(poging: int) -> None:
    wacht = wachttijd(poging, basis_seconden=30, max_seconden=3600)
    assert timedelta(seconds=30) <= wacht <= timedelta(seconds=3600)
    assert wachttijd(poging + 1, basis_seconden=30, max_seconden=3600) >= wacht
