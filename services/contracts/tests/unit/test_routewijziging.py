"""What a change of leerroute does to a placement on the old route."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from inburgering.contracts.domain import traject
from inburgering.contracts.domain.errors import OngeldigeOvergang
from inburgering.contracts.domain.model import ZONDER_PLAATS
from inburgering.contracts.domain.model import PlaatsingStatus as S
from inburgering.contracts.domain.traject import Handeling as H
from inburgering.contracts.handlers.leerroute_gewijzigd import besluit_van_wijziging
from inburgering.shared.events.routes import LeerrouteGewijzigd
from inburgering.shared.events.vocabulary import Leerroute


@pytest.mark.parametrize(
    ("status", "handeling", "na"),
    [
        # Not started: the gemeente withdraws the course offer on the old route.
        (S.WACHTLIJST, H.INTREKKEN, S.INGETROKKEN),
        (S.AANGEVRAAGD, H.INTREKKEN, S.INGETROKKEN),
        (S.GEACCEPTEERD, H.INTREKKEN, S.INGETROKKEN),
        # Running: the course ends; it is not a drop-out.
        (S.GESTART, H.BEEINDIGEN, S.BEEINDIGD),
        # Over already: nothing to do.
        (S.AFGEROND, None, None),
        (S.UITGEVALLEN, None, None),
        (S.INGETROKKEN, None, None),
        (S.BEEINDIGD, None, None),
    ],
)
def test_a_new_leerroute_withdraws_or_ends_the_placement(status, handeling, na) -> None:
    assert traject.bij_nieuwe_leerroute(status) is handeling
    if handeling is not None:
        assert traject.na(status, handeling) is na


@pytest.mark.parametrize("status", [S.INGETROKKEN, S.BEEINDIGD])
def test_an_ended_placement_takes_no_more_reports(status) -> None:
    assert traject.toegestaan(status) == set()
    with pytest.raises(OngeldigeOvergang):
        traject.na(status, H.AANWEZIGHEID_MELDEN)


def test_a_withdrawn_placement_holds_no_place_but_an_ended_course_does() -> None:
    assert S.INGETROKKEN in ZONDER_PLAATS
    assert S.BEEINDIGD not in ZONDER_PLAATS


def _wijziging(vorige: Leerroute, nieuwe: Leerroute, dag: date) -> LeerrouteGewijzigd:
    return LeerrouteGewijzigd(
        advies_id=uuid.UUID(int=7),
        inburgeraar_id=uuid.UUID(int=8),
        gemeentecode="GM0772",
        vorige_leerroute=vorige,
        leerroute=nieuwe,
        ingangsdatum=dag,
    )


def test_the_new_placement_is_keyed_by_the_change_not_by_the_event_delivery() -> None:
    dag = date(2026, 3, 1)
    heen = _wijziging(Leerroute.B1_ROUTE, Leerroute.Z_ROUTE, dag)
    assert besluit_van_wijziging(heen) == besluit_van_wijziging(heen.model_copy())
    assert besluit_van_wijziging(heen) != heen.advies_id
    terug = _wijziging(Leerroute.Z_ROUTE, Leerroute.B1_ROUTE, date(2026, 5, 1))
    assert besluit_van_wijziging(terug) != besluit_van_wijziging(heen)
