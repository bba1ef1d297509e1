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


def test_a_bsn_is_written_with_its_leading_zero() -> None:
    # 012345672 passes the elfproef; without its leading zero it is no BSN.
    assert valideer_bsn("012345672") == "012345672"
    with pytest.raises(OngeldigBsn):
        valideer_bsn("12345672")


@pytest.mark.parametrize(
    "bsn",
    [
        "999990018",
        "123456789",
        "000000000",
        "99999001",
        "9999900190",
        "abcdefghi",
        "",
        "999990019\n",
        " 999990019",
        "999990019 ",
        "\u0669\u0669\u0669\u0669\u0669\u0660\u0660\u0661\u0669",  # 999990019, Arabic-Indic
        "\uff19\uff19\uff19\uff19\uff19\uff10\uff10\uff11\uff19",  # 999990019, full-width
    ],
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
