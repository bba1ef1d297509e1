"""Which PIP is the first of the obligation, the one that starts the termijn ([Wi] 11)."""

from __future__ import annotations

from datetime import date

import pytest

from inburgering.intake.domain.pip import is_eerste_pip, termijn_na_eerste_pip

# (article, PIP here before, came with the previous gemeente's PIP, DUO knows a termijn, first?)
GEVALLEN = [
    ("[Wi] 11: nog nergens een PIP: dit is het eerste", False, False, False, True),
    ("[Wi] 11: verhuisd zonder PIP (SS120): het eerste PIP volgt hier", False, False, False, True),
    ("[Wi] 11: een eerder PIP hier: een nieuwe versie", True, False, False, False),
    ("[Wi] 11: verhuisd met PIP (SS121): het eerste was elders", False, True, False, False),
    ("[Wi] 11: DUO kent al een termijn (SS102): het eerste was elders", False, False, True, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("artikel", "hier", "vorige", "termijn", "eerste"), GEVALLEN, ids=[g[0] for g in GEVALLEN]
)
def test_the_first_pip_of_the_obligation(
    artikel: str, hier: bool, vorige: bool, termijn: bool, eerste: bool
) -> None:
    assert (
        is_eerste_pip(eerder_pip_hier=hier, pip_vorige_gemeente=vorige, termijn_bij_duo=termijn)
        is eerste
    ), artikel


def test_after_a_move_without_pip_the_termijn_starts_the_day_after_the_dagtekening() -> None:
    """[Wi] 11: start = dagtekening + 1 day, end = start + 3 years."""
    termijn = termijn_na_eerste_pip(date(2026, 11, 2))
    assert (termijn.startdatum, termijn.einddatum) == (date(2026, 11, 3), date(2029, 11, 3))
