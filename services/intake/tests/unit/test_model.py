from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.intake.domain.errors import OngeldigBsn
from inburgering.intake.domain.model import leeftijd_op, valideer_bsn


def _elfproef_sum(digits: str) -> int:
    return sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))


@pytest.mark.parametrize("bsn", ["999990019", "999990032", "111222333"])
def test_numbers_passing_the_elfproef_are_accepted(bsn: str) -> None:
    assert valideer_bsn(bsn) == bsn


def test_an_eight_digit_number_gets_a_leading_zero() -> None:
    # 012345672 passes the elfproef; written without its leading zero it has 8 digits.
    assert valideer_bsn("12345672") == "012345672"


@pytest.mark.parametrize(
    "bsn", ["999990018", "123456789", "000000000", "99999001", "abcdefghi", ""]
)
def test_numbers_failing_the_elfproef_or_format_are_refused(bsn: str) -> None:
    with pytest.raises(OngeldigBsn):
        valideer_bsn(bsn)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_elfproef_accepts_exactly_the_numbers_whose_weighted_sum_divides_by_eleven(
    bsn: str,
) -> None:
    total = _elfproef_sum(bsn)
    valid = total % 11 == 0 and total != 0
    if valid:
        assert valideer_bsn(bsn) == bsn
    else:
        with pytest.raises(OngeldigBsn):
            valideer_bsn(bsn)


@pytest.mark.parametrize(
    ("geboren", "peildatum", "leeftijd"),
    [
        (date(2000, 5, 17), date(2026, 5, 16), 25),
        (date(2000, 5, 17), date(2026, 5, 17), 26),
        (date(2004, 2, 29), date(2026, 2, 28), 21),
        (date(2004, 2, 29), date(2026, 3, 1), 22),
    ],
)
def test_age_counts_whole_years_up_to_the_birthday(
    geboren: date, peildatum: date, leeftijd: int
) -> None:
    assert leeftijd_op(geboren, peildatum) == leeftijd
