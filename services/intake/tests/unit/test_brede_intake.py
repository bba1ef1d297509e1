"""The LBT outcome follows from the pass mark in force on the test date; the intake's own rules."""

from __future__ import annotations

from datetime import date

import pytest

from inburgering.intake.domain.brede_intake import controleer_recht_op_alleen_spreken
from inburgering.intake.domain.errors import (
    LeerbaarheidstoetsOngeldig,
    RechtOpAlleenSprekenNietMeegedeeld,
    RechtOpAlleenSprekenOnbekend,
    UitslagWijktAf,
)
from inburgering.intake.domain.leerbaarheidstoets import (
    Beperking,
    bepaal_leerbaarheidstoets,
    cesuur_op,
    uitslag_bij,
)
from inburgering.shared.events.vocabulary import LeerbaarheidstoetsUitslag as U

AFGEROND = date(2026, 11, 2)


@pytest.mark.parametrize(
    ("afgenomen", "cesuur"),
    [
        (date(2021, 1, 1), 31),
        (date(2023, 4, 11), 31),
        (date(2023, 4, 12), 28),
        (date(2026, 1, 1), 28),
    ],
)
def test_the_pass_mark_is_31_until_11_april_2023_and_28_from_12_april(
    afgenomen: date, cesuur: int
) -> None:
    assert cesuur_op(afgenomen) == cesuur


@pytest.mark.parametrize(
    ("score", "afgenomen", "uitslag"),
    [
        (28, date(2023, 4, 11), U.B1_NIET_HAALBAAR),
        (30, date(2023, 4, 11), U.B1_NIET_HAALBAAR),
        (31, date(2023, 4, 11), U.B1_HAALBAAR),
        (27, date(2023, 4, 12), U.B1_NIET_HAALBAAR),
        (28, date(2023, 4, 12), U.B1_HAALBAAR),
        (0, date(2024, 1, 1), U.B1_NIET_HAALBAAR),
        (40, date(2020, 1, 1), U.B1_HAALBAAR),
    ],
)
def test_the_score_against_the_pass_mark_on_the_test_date_decides(
    score: int, afgenomen: date, uitslag: U
) -> None:
    assert uitslag_bij(score, afgenomen) is uitslag
    lbt = bepaal_leerbaarheidstoets(
        opgegeven=None, score=score, afgenomen=afgenomen, beperking=None, intake_afgerond=AFGEROND
    )
    assert (lbt.uitslag, lbt.score, lbt.afgenomen, lbt.cesuur) == (
        uitslag,
        score,
        afgenomen,
        cesuur_op(afgenomen),
    )


@pytest.mark.parametrize("score", [-1, 41])
def test_a_score_outside_0_to_40_is_refused(score: int) -> None:
    with pytest.raises(LeerbaarheidstoetsOngeldig):
        uitslag_bij(score, date(2024, 1, 1))


def test_a_given_outcome_that_agrees_with_the_score_is_kept() -> None:
    lbt = bepaal_leerbaarheidstoets(
        opgegeven=U.B1_HAALBAAR,
        score=29,
        afgenomen=date(2023, 4, 12),
        beperking=None,
        intake_afgerond=AFGEROND,
    )
    assert lbt.uitslag is U.B1_HAALBAAR


def test_29_the_day_before_the_new_pass_mark_is_not_haalbaar_whatever_the_client_says() -> None:
    with pytest.raises(UitslagWijktAf, match="cesuur 31"):
        bepaal_leerbaarheidstoets(
            opgegeven=U.B1_HAALBAAR,
            score=29,
            afgenomen=date(2023, 4, 11),
            beperking=None,
            intake_afgerond=AFGEROND,
        )


def test_without_a_score_the_given_outcome_stands_as_before() -> None:
    lbt = bepaal_leerbaarheidstoets(
        opgegeven=U.B1_NIET_HAALBAAR,
        score=None,
        afgenomen=None,
        beperking=None,
        intake_afgerond=AFGEROND,
    )
    assert (lbt.uitslag, lbt.score, lbt.cesuur) == (U.B1_NIET_HAALBAAR, None, None)


@pytest.mark.parametrize("beperking", [Beperking.VISUEEL, Beperking.AUDITIEF, None])
def test_not_taken_because_of_an_impairment_keeps_working(beperking: Beperking | None) -> None:
    lbt = bepaal_leerbaarheidstoets(
        opgegeven=U.NIET_AFGENOMEN_BEPERKING,
        score=None,
        afgenomen=None,
        beperking=beperking,
        intake_afgerond=AFGEROND,
    )
    assert (lbt.uitslag, lbt.beperking, lbt.score) == (U.NIET_AFGENOMEN_BEPERKING, beperking, None)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"opgegeven": None, "score": None, "afgenomen": None, "beperking": None},
        {"opgegeven": None, "score": 30, "afgenomen": None, "beperking": None},
        {"opgegeven": None, "score": None, "afgenomen": date(2024, 1, 1), "beperking": None},
        {
            "opgegeven": U.NIET_AFGENOMEN_BEPERKING,
            "score": 30,
            "afgenomen": date(2024, 1, 1),
            "beperking": None,
        },
        {"opgegeven": U.B1_HAALBAAR, "score": None, "afgenomen": None, "beperking": "visueel"},
        {"opgegeven": None, "score": 30, "afgenomen": date(2026, 11, 3), "beperking": None},
    ],
    ids=[
        "nothing",
        "score-without-date",
        "date-without-score",
        "score-although-not-taken",
        "impairment-with-an-outcome",
        "test-after-the-intake",
    ],
)
def test_inconsistent_test_data_is_refused(kwargs: dict) -> None:
    with pytest.raises(LeerbaarheidstoetsOngeldig):
        bepaal_leerbaarheidstoets(**kwargs, intake_afgerond=AFGEROND)


def test_the_intake_cannot_be_completed_when_the_right_to_talk_alone_was_not_told() -> None:
    with pytest.raises(RechtOpAlleenSprekenNietMeegedeeld):
        controleer_recht_op_alleen_spreken(False, verplicht=False)
    controleer_recht_op_alleen_spreken(True, verplicht=False)
    controleer_recht_op_alleen_spreken(None, verplicht=False)  # transition: recorded unknown


@pytest.mark.parametrize(
    ("meegedeeld", "verplicht", "fout"),
    [
        # [Wi] art. 14 and [Bi] art. 5.2: the gemeente must tell the person, and record it.
        (True, True, None),
        (True, False, None),
        (False, True, RechtOpAlleenSprekenNietMeegedeeld),
        (False, False, RechtOpAlleenSprekenNietMeegedeeld),
        # Not stated: unknown during the transition period, refused after it.
        (None, False, None),
        (None, True, RechtOpAlleenSprekenOnbekend),
    ],
)
def test_the_right_to_talk_alone_must_be_stated_after_the_transition_period(
    meegedeeld: bool | None, verplicht: bool, fout: type[Exception] | None
) -> None:
    if fout is None:
        controleer_recht_op_alleen_spreken(meegedeeld, verplicht=verplicht)
    else:
        with pytest.raises(fout):
            controleer_recht_op_alleen_spreken(meegedeeld, verplicht=verplicht)
