from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from inburgering.contracts.domain import traject
from inburgering.contracts.domain.bezetting import passeert_drempel
from inburgering.contracts.domain.errors import OngeldigeAanwezigheid, OngeldigeOvergang
from inburgering.contracts.domain.meldingen import Aanwezigheidsmelding, Afwezigheid
from inburgering.contracts.domain.model import PlaatsingStatus as S
from inburgering.contracts.domain.traject import Handeling as H


@pytest.mark.parametrize(
    ("status", "handeling", "na"),
    [
        (S.WACHTLIJST, H.TOEWIJZEN, S.AANGEVRAAGD),
        (S.AANGEVRAAGD, H.ACCEPTEREN, S.GEACCEPTEERD),
        (S.AANGEVRAAGD, H.AFWIJZEN, S.WACHTLIJST),
        (S.GEACCEPTEERD, H.STARTEN, S.GESTART),
        (S.GEACCEPTEERD, H.UITVALLEN, S.UITGEVALLEN),
        (S.GESTART, H.AANWEZIGHEID_MELDEN, S.GESTART),
        (S.GESTART, H.AFRONDEN, S.AFGEROND),
        (S.GESTART, H.UITVALLEN, S.UITGEVALLEN),
    ],
)
def test_allowed_transitions(status, handeling, na) -> None:
    assert traject.na(status, handeling) is na


def test_finished_placements_accept_nothing_more() -> None:
    for status in (S.AFGEROND, S.UITGEVALLEN):
        assert traject.toegestaan(status) == set()
        for handeling in H:
            with pytest.raises(OngeldigeOvergang):
                traject.na(status, handeling)


def test_reports_need_a_started_course() -> None:
    for status in (S.WACHTLIJST, S.AANGEVRAAGD, S.GEACCEPTEERD):
        for handeling in (H.AANWEZIGHEID_MELDEN, H.VOORTGANG_MELDEN, H.AFRONDEN):
            with pytest.raises(OngeldigeOvergang):
                traject.na(status, handeling)
    # Only the provider that has it may reject, and only before accepting.
    with pytest.raises(OngeldigeOvergang):
        traject.na(S.GEACCEPTEERD, H.AFWIJZEN)


@pytest.mark.parametrize(
    ("voor", "na", "mijlpalen"),
    [
        (0, 399.5, []),
        (399.5, 400, [400]),
        (400, 401, []),
        (390, 810, [400, 600, 800]),
        (600, 799.99, []),
        (800, 1000, []),
    ],
)
def test_hour_milestones_are_crossed_once(voor, na, mijlpalen) -> None:
    assert traject.gepasseerde_mijlpalen(voor, na) == mijlpalen


@pytest.mark.parametrize(
    ("capaciteit", "na", "drempel", "passeert"),
    [
        (20, 17, 90, False),
        (20, 18, 90, True),
        (20, 19, 90, False),
        (10, 9, 90, True),
        (7, 7, 90, True),  # 6/7 = 85.7%, 7/7 = 100%
        (7, 6, 90, False),
        (1, 1, 100, True),
        (0, 0, 90, False),
    ],
)
def test_the_threshold_is_passed_by_exactly_one_claim(capaciteit, na, drempel, passeert) -> None:
    assert passeert_drempel(capaciteit, na, drempel) is passeert


def test_an_attendance_report_is_consistent() -> None:
    dag = date(2026, 3, 2)
    Aanwezigheidsmelding(dag, Decimal(3))
    Aanwezigheidsmelding(dag, Decimal(1), Decimal(2), Afwezigheid.ONGEOORLOOFD)
    for fout in (
        (dag, Decimal(1), Decimal(2), None),
        (dag, Decimal(3), Decimal(0), Afwezigheid.GEOORLOOFD),
        (dag, Decimal(0), Decimal(0), None),
        (dag, Decimal(-1), Decimal(0), None),
    ):
        with pytest.raises(OngeldigeAanwezigheid):
            Aanwezigheidsmelding(*fout)
