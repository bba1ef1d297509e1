from datetime import date

import pytest

from inburgering.referrals.domain.errors import OngeldigeOvergang
from inburgering.referrals.domain.model import VerwijzingStatus as S
from inburgering.referrals.domain.pad import EINDSTATUSSEN, Stap, deadline, volgende

HAPPY_PATH = [
    (S.AANGEMAAKT, Stap.VOLTOOI_DOSSIER, S.DOSSIER_COMPLEET),
    (S.DOSSIER_COMPLEET, Stap.DIEN_IN, S.INGEDIEND),
    (S.INGEDIEND, Stap.HOUD_INTAKE, S.INTAKE_GEHOUDEN),
    (S.INTAKE_GEHOUDEN, Stap.LAAT_TOE, S.TOEGELATEN),
    (S.TOEGELATEN, Stap.START, S.GESTART),
    (S.GESTART, Stap.ROND_AF, S.AFGEROND),
]


@pytest.mark.parametrize(("van", "stap", "naar"), HAPPY_PATH)
def test_each_step_of_the_pathway_leads_to_the_next_status(van, stap, naar):
    assert volgende(van, stap) is naar


def test_the_institution_may_refuse_after_the_intake():
    assert volgende(S.INTAKE_GEHOUDEN, Stap.WIJS_AF) is S.AFGEWEZEN


def test_a_refused_referral_may_be_submitted_again():
    assert volgende(S.AFGEWEZEN, Stap.DIEN_IN) is S.INGEDIEND


def test_a_started_programme_may_end_without_completion():
    assert volgende(S.GESTART, Stap.BEEINDIG) is S.BEEINDIGD


VALID = {(van, stap) for van, stap, _ in HAPPY_PATH} | {
    (S.INTAKE_GEHOUDEN, Stap.WIJS_AF),
    (S.AFGEWEZEN, Stap.DIEN_IN),
    (S.GESTART, Stap.BEEINDIG),
}


@pytest.mark.parametrize(
    ("van", "stap"),
    [(van, stap) for van in S for stap in Stap if (van, stap) not in VALID],
)
def test_every_other_step_is_refused_as_a_conflict(van, stap):
    with pytest.raises(OngeldigeOvergang) as refused:
        volgende(van, stap)
    assert refused.value.status == 409


@pytest.mark.parametrize("eind", sorted(EINDSTATUSSEN))
def test_nothing_follows_an_end_status(eind):
    for stap in Stap:
        with pytest.raises(OngeldigeOvergang):
            volgende(eind, stap)


AANMELD, START, EIND = date(2027, 6, 15), date(2027, 9, 1), date(2029, 2, 28)


@pytest.mark.parametrize(
    ("status", "verwacht"),
    [
        (S.AANGEMAAKT, None),
        (S.DOSSIER_COMPLEET, AANMELD),
        (S.INGEDIEND, AANMELD),
        (S.INTAKE_GEHOUDEN, START),
        (S.TOEGELATEN, START),
        (S.AFGEWEZEN, START),
        (S.GESTART, START),
        (S.AFGEROND, EIND),
        (S.BEEINDIGD, EIND),
    ],
)
def test_each_step_is_due_by_a_date_of_the_programme(status, verwacht):
    assert deadline(status, AANMELD, START, EIND) == verwacht


def test_without_a_cohort_no_step_has_a_deadline():
    assert all(deadline(status, None, None, None) is None for status in S)
