from datetime import date

import pytest

from inburgering.referrals.domain.checklist import (
    Dossier,
    Feiten,
    checklist,
    onder_leeftijdsgrens_bij_start,
)
from inburgering.referrals.domain.model import Diplomawaardering, Taalniveau, Uitkomst

START = date(2027, 9, 1)


@pytest.mark.parametrize(
    ("geboortejaar", "verwacht"),
    [
        pytest.param(1999, Uitkomst.VOLDAAN, id="at-most-28"),
        pytest.param(1998, Uitkomst.VOLDAAN, id="at-most-29"),
        pytest.param(1997, Uitkomst.ONBEKEND, id="29-or-30-depending-on-birthday"),
        pytest.param(1996, Uitkomst.NIET_VOLDAAN, id="at-least-30"),
        pytest.param(None, Uitkomst.ONBEKEND, id="year-not-given"),
    ],
)
def test_student_finance_age_is_checked_against_the_cohort_start(geboortejaar, verwacht):
    assert onder_leeftijdsgrens_bij_start(geboortejaar, START) is verwacht


def test_without_a_cohort_the_age_check_is_unknown():
    assert onder_leeftijdsgrens_bij_start(1999, None) is Uitkomst.ONBEKEND


def items(feiten: Feiten) -> dict[str, Uitkomst]:
    return {item.item: item.uitkomst for item in checklist(feiten)}


def test_before_the_dossier_nothing_is_known():
    assert set(items(Feiten(dossier=None)).values()) == {Uitkomst.ONBEKEND}


def test_a_submitted_complete_dossier_meeting_every_requirement_ticks_every_item():
    feiten = Feiten(
        dossier=Dossier(Diplomawaardering.VWO, Taalniveau.B2, geboortejaar=2000),
        taalniveau_bij_start=Taalniveau.B2,
        aanmelddeadline=date(2027, 6, 15),
        startdatum=START,
        ingediend_op=date(2027, 6, 15),
    )
    assert set(items(feiten).values()) == {Uitkomst.VOLDAAN}


def test_shortfalls_are_flagged_not_hidden():
    feiten = Feiten(
        dossier=Dossier(Diplomawaardering.NIET_VERGELIJKBAAR, Taalniveau.B1, geboortejaar=1990),
        taalniveau_bij_start=Taalniveau.B2,
        aanmelddeadline=date(2027, 6, 15),
        startdatum=START,
        ingediend_op=date(2027, 6, 16),
    )
    assert items(feiten) == {
        "diplomawaardering": Uitkomst.NIET_VOLDAAN,
        "taalniveau-vastgesteld": Uitkomst.VOLDAAN,
        "binnen-aanmeldtermijn": Uitkomst.NIET_VOLDAAN,
        "taalniveau-eis-bij-start": Uitkomst.NIET_VOLDAAN,
        "studiefinanciering-leeftijd": Uitkomst.NIET_VOLDAAN,
    }


def test_a_programme_without_a_valuation_requirement_accepts_any_valuation():
    feiten = Feiten(
        dossier=Dossier(Diplomawaardering.NIET_VERGELIJKBAAR, Taalniveau.B1),
        diplomawaardering_vereist=False,
    )
    assert items(feiten)["diplomawaardering"] is Uitkomst.VOLDAAN
