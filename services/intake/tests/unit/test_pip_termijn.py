"""The PIP deadline rules ([Bi] art. 5.3) as properties over any dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from inburgering.intake.domain.pip_termijn import (
    PipTermijnFeiten,
    nadert_op,
    pip_uiterlijk,
    verstreken_op,
)

dagen = st.dates(min_value=date(2021, 1, 1), max_value=date(2040, 12, 31))


@given(dagen)
def test_ten_weeks_after_the_notice_is_exactly_70_days_on_the_same_weekday(
    kennisgeving: date,
) -> None:
    uiterlijk = pip_uiterlijk(PipTermijnFeiten(kennisgeving=kennisgeving))
    assert uiterlijk is not None
    assert uiterlijk - kennisgeving == timedelta(days=70)
    assert uiterlijk.weekday() == kennisgeving.weekday()


@given(dagen, dagen)
def test_the_later_of_notice_and_settling_counts(kennisgeving: date, vestiging: date) -> None:
    uiterlijk = pip_uiterlijk(PipTermijnFeiten(kennisgeving=kennisgeving, vestiging=vestiging))
    assert uiterlijk == max(kennisgeving, vestiging) + timedelta(weeks=10)


@given(dagen, dagen)
def test_after_a_move_only_the_settling_in_the_new_gemeente_counts(
    kennisgeving: date, vestiging: date
) -> None:
    feiten = PipTermijnFeiten(kennisgeving=kennisgeving, vestiging=vestiging, na_verhuizing=True)
    assert pip_uiterlijk(feiten) == vestiging + timedelta(weeks=10)


@given(dagen, st.booleans())
def test_while_waiting_for_a_third_party_there_is_no_deadline(dag: date, verhuisd: bool) -> None:
    feiten = PipTermijnFeiten(
        kennisgeving=dag, vestiging=dag, na_verhuizing=verhuisd, wacht_op_derde=True
    )
    assert pip_uiterlijk(feiten) is None


@given(dagen, st.integers(min_value=0, max_value=400))
def test_after_the_pause_the_pip_is_due_two_weeks_after_receipt_never_earlier_than_normal(
    kennisgeving: date, wachtdagen: int
) -> None:
    ontvangen = kennisgeving + timedelta(days=wachtdagen)
    uiterlijk = pip_uiterlijk(
        PipTermijnFeiten(kennisgeving=kennisgeving, derde_informatie_ontvangen=ontvangen)
    )
    assert uiterlijk is not None
    assert uiterlijk >= kennisgeving + timedelta(weeks=10)
    assert uiterlijk >= ontvangen + timedelta(weeks=2)
    assert uiterlijk in (kennisgeving + timedelta(weeks=10), ontvangen + timedelta(weeks=2))


@given(dagen, st.integers(min_value=1, max_value=60))
def test_nadert_comes_before_the_last_day_and_verstreken_the_day_after(
    uiterlijk: date, vooraf: int
) -> None:
    assert nadert_op(uiterlijk, vooraf) < uiterlijk < verstreken_op(uiterlijk)
    assert (verstreken_op(uiterlijk) - nadert_op(uiterlijk, vooraf)).days == vooraf + 1


def test_no_known_start_means_no_deadline_yet() -> None:
    assert pip_uiterlijk(PipTermijnFeiten()) is None
    assert (
        pip_uiterlijk(PipTermijnFeiten(na_verhuizing=True, kennisgeving=date(2026, 1, 1))) is None
    )


def test_month_ends_and_leap_days_carry_over_by_days() -> None:
    assert pip_uiterlijk(PipTermijnFeiten(kennisgeving=date(2027, 12, 31))) == date(2028, 3, 10)
    assert pip_uiterlijk(PipTermijnFeiten(kennisgeving=date(2028, 2, 29))) == date(2028, 5, 9)
    assert pip_uiterlijk(PipTermijnFeiten(kennisgeving=date(2027, 2, 28))) == date(2027, 5, 9)
