"""The statistics' tables: status and cohort of a pipeline row, medians, and suppression over
the tables together."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from inburgering.contracts.domain.inburgeraarstatistiek import Groep, tabellen
from inburgering.contracts.domain.model import PlaatsingStatus
from inburgering.contracts.domain.statistiek import (
    Cohortperiode,
    Mediaan,
    Pijplijnstand,
    PijplijnStatus,
    cohort,
    mediaan,
    status,
)
from inburgering.contracts.domain.uitkomststatistiek import Afloop, Uitkomst, uitkomst
from inburgering.contracts.domain.uitkomststatistiek import tabellen as uitkomsttabellen
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.statistiek.onderdrukking import Cijfer

EINDHOVEN, BEST = "GM0772", "GM0753"
VERBORGEN = Cijfer(None, True)


def stand(**gevuld: object) -> Pijplijnstand:
    velden: dict = {
        "afsluiting": None,
        "pip_vastgesteld": False,
        "leerroute_vastgesteld": False,
        "geadviseerd": False,
        "intake_afgerond": False,
    }
    return Pijplijnstand(**{**velden, **gevuld})


@pytest.mark.parametrize(
    ("gevuld", "verwacht"),
    [
        ({}, PijplijnStatus.AANGEMELD),
        ({"intake_afgerond": True}, PijplijnStatus.INTAKE_AFGEROND),
        ({"intake_afgerond": True, "geadviseerd": True}, PijplijnStatus.GEADVISEERD),
        # Routes' events may arrive before intake's: the furthest stage known counts.
        ({"leerroute_vastgesteld": True}, PijplijnStatus.LEERROUTE_VASTGESTELD),
        ({"leerroute_vastgesteld": True, "pip_vastgesteld": True}, PijplijnStatus.PIP_VASTGESTELD),
        ({"pip_vastgesteld": True, "afsluiting": "voldaan"}, PijplijnStatus.VOLDAAN),
        ({"intake_afgerond": True, "afsluiting": "beeindigd"}, PijplijnStatus.BEEINDIGD),
    ],
)
def test_the_status_is_the_furthest_stage_reached(gevuld, verwacht):
    assert status(stand(**gevuld)) is verwacht


def test_the_cohort_is_the_month_or_quarter_of_the_first_pip():
    assert cohort(date(2026, 3, 16), Cohortperiode.MAAND) == "2026-03"
    assert cohort(date(2026, 3, 16), Cohortperiode.KWARTAAL) == "2026-K1"
    assert cohort(date(2026, 10, 1), Cohortperiode.KWARTAAL) == "2026-K4"
    assert cohort(None, Cohortperiode.MAAND) is None


def test_a_median_over_fewer_than_5_is_hidden_across_gemeenten_only():
    vier, vijf = [10, 20, 30, 40], [10, 20, 30, 40, 50]
    assert mediaan(vier, Cijfer(None, True), onderdrukken=True) == Mediaan(None, True)
    assert mediaan(vier, Cijfer(4, False), onderdrukken=False) == Mediaan(25.0, False)
    assert mediaan(vijf, Cijfer(5, False), onderdrukken=True) == Mediaan(30.0, False)
    # A median would tell its hidden count is at least 5.
    assert mediaan(vijf, Cijfer(None, True), onderdrukken=True) == Mediaan(None, True)
    assert mediaan([], Cijfer(0, False), onderdrukken=True) == Mediaan(None, False)


def groep(code: str, aantal: int, pip: date | None = None, **anders: object) -> Groep:
    velden: dict = {
        "gemeentecode": code,
        "leerroute": Leerroute.B1_ROUTE,
        "doelgroep": Doelgroep.ASIELSTATUSHOUDER,
        "eerste_pip_op": pip,
        "status": PijplijnStatus.PIP_VASTGESTELD if pip else PijplijnStatus.AANGEMELD,
        "aantal": aantal,
    }
    return Groep(**{**velden, **anders})


def test_a_gemeentes_own_view_shows_every_count_and_the_cross_table():
    groepen = [groep(BEST, 4, date(2026, 3, 2)), groep(BEST, 1, doelgroep=Doelgroep.GEZINSMIGRANT)]
    t = tabellen(groepen, [BEST], Cohortperiode.MAAND, onderdrukken=False)
    assert t.totaal == Cijfer(5, False)
    assert t.per_gemeente == {BEST: Cijfer(5, False)}
    assert t.per_cohort == {"2026-03": Cijfer(4, False), None: Cijfer(1, False)}
    assert t.per_doelgroep[Doelgroep.GEZINSMIGRANT] == Cijfer(1, False)
    assert t.per_leerroute[Leerroute.Z_ROUTE] == Cijfer(0, False)
    assert t.cellen is not None and sum(c.aantal for c in t.cellen) == 5


def test_across_gemeenten_4_is_hidden_5_shown_and_the_total_cannot_reveal_the_4():
    groepen = [groep(BEST, 4), groep(EINDHOVEN, 5), groep("GM0794", 9)]
    t = tabellen(groepen, [BEST, EINDHOVEN, "GM0794"], Cohortperiode.KWARTAAL, onderdrukken=True)
    assert t.totaal == Cijfer(18, False)
    assert t.per_gemeente == {BEST: VERBORGEN, EINDHOVEN: VERBORGEN, "GM0794": Cijfer(9, False)}
    assert t.cellen is None


def test_asking_for_quarters_cannot_undo_a_hidden_month():
    # Months Jan 2, Feb 7, Apr 3, May 8. Had the months been suppressed on their own, Feb
    # would show, and the first quarter's 9 would give January's 2 away.
    groepen = [
        groep(BEST, 2, date(2026, 1, 5)),
        groep(BEST, 7, date(2026, 2, 5)),
        groep(BEST, 3, date(2026, 4, 5)),
        groep(BEST, 8, date(2026, 5, 5)),
    ]
    maanden = tabellen(groepen, [BEST], Cohortperiode.MAAND, onderdrukken=True).per_cohort
    kwartalen = tabellen(groepen, [BEST], Cohortperiode.KWARTAAL, onderdrukken=True).per_cohort
    assert maanden == {
        "2026-01": VERBORGEN,
        "2026-02": VERBORGEN,
        "2026-04": VERBORGEN,
        "2026-05": VERBORGEN,
        None: Cijfer(0, False),
    }
    assert kwartalen == {
        "2026-K1": Cijfer(9, False),
        "2026-K2": Cijfer(11, False),
        None: Cijfer(0, False),
    }


@pytest.mark.parametrize(
    ("status_", "reden", "verwacht"),
    [
        (PlaatsingStatus.AFGEROND, None, Uitkomst.AFGEROND),
        (PlaatsingStatus.UITGEVALLEN, None, Uitkomst.UITGEVALLEN),
        (PlaatsingStatus.GESTART, None, Uitkomst.LOPEND),
        (PlaatsingStatus.BEEINDIGD, "leerroute-gewijzigd", Uitkomst.BEEINDIGD_DOOR_ROUTEWIJZIGING),
        (
            PlaatsingStatus.INGETROKKEN,
            "leerroute-gewijzigd",
            Uitkomst.BEEINDIGD_DOOR_ROUTEWIJZIGING,
        ),
        (PlaatsingStatus.GEACCEPTEERD, None, None),
        (PlaatsingStatus.WACHTLIJST, None, None),
    ],
)
def test_the_outcome_of_a_placement(status_, reden, verwacht):
    assert uitkomst(status_, reden) is verwacht


def test_a_leerroute_is_the_sum_of_its_contracts_so_one_hidden_contract_hides_another():
    een, twee = uuid.uuid4(), uuid.uuid4()
    aflopen = [Afloop(BEST, Leerroute.B1_ROUTE, een, Uitkomst.AFGEROND, 100)] * 3 + [
        Afloop(EINDHOVEN, Leerroute.B1_ROUTE, twee, Uitkomst.AFGEROND, d)
        for d in (10, 20, 30, 40, 50, 60)
    ]
    t = uitkomsttabellen(
        aflopen,
        contracten=[(een, Leerroute.B1_ROUTE), (twee, Leerroute.B1_ROUTE)],
        onderdrukken=True,
    )
    b1 = t.per_leerroute[Leerroute.B1_ROUTE]
    assert b1.aantallen[Uitkomst.AFGEROND] == Cijfer(9, False)
    assert b1.mediane_duur == Mediaan(50.0, False)  # 10 … 60, 100, 100, 100
    assert t.per_contract is not None
    assert t.per_contract[(een, Leerroute.B1_ROUTE)].aantallen[Uitkomst.AFGEROND] == VERBORGEN
    tweede = t.per_contract[(twee, Leerroute.B1_ROUTE)]
    assert tweede.aantallen[Uitkomst.AFGEROND] == VERBORGEN
    assert tweede.mediane_duur == Mediaan(None, True)
    assert t.per_gemeente is None
