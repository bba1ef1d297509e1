"""Resubmission after a refusal: a new attempt, to a later cohort or another programme."""

import uuid
from datetime import date

import pytest

from inburgering.referrals.domain.errors import HerindieningVereistLaterCohort
from inburgering.referrals.domain.model import VerwijzingStatus as S
from inburgering.referrals.domain.poging import (
    Cohortkeuze,
    poging_na_indiening,
    vereis_later_of_andere_opleiding,
)

PRE_BACHELOR, SCHAKELJAAR = uuid.uuid4(), uuid.uuid4()
SEPT_2027, FEB_2028 = date(2027, 9, 1), date(2028, 2, 1)
GEWEIGERD = Cohortkeuze(PRE_BACHELOR, FEB_2028)


@pytest.mark.parametrize(
    ("status", "poging", "verwacht"),
    [
        (S.DOSSIER_COMPLEET, 1, 1),  # the first submission is attempt 1
        (S.AFGEWEZEN, 1, 2),  # a resubmission opens the next attempt
        (S.AFGEWEZEN, 2, 3),
    ],
)
def test_a_resubmission_opens_the_next_attempt(status, poging, verwacht):
    assert poging_na_indiening(status, poging) == verwacht


@pytest.mark.parametrize(
    "nieuw",
    [
        Cohortkeuze(PRE_BACHELOR, date(2028, 9, 1)),  # a later cohort of the same programme
        Cohortkeuze(SCHAKELJAAR, FEB_2028),  # another programme, same start
        Cohortkeuze(SCHAKELJAAR, SEPT_2027),  # another programme, even an earlier start
    ],
    ids=["later-cohort", "andere-opleiding-zelfde-start", "andere-opleiding-eerder"],
)
def test_a_later_cohort_or_another_programme_may_be_tried(nieuw):
    vereis_later_of_andere_opleiding([GEWEIGERD], nieuw)


@pytest.mark.parametrize(
    "nieuw",
    [Cohortkeuze(PRE_BACHELOR, FEB_2028), Cohortkeuze(PRE_BACHELOR, SEPT_2027)],
    ids=["zelfde-cohort", "eerder-cohort"],
)
def test_the_refused_cohort_or_an_earlier_one_of_the_programme_is_refused(nieuw):
    with pytest.raises(HerindieningVereistLaterCohort) as refused:
        vereis_later_of_andere_opleiding([GEWEIGERD], nieuw)
    assert refused.value.status == 409


def test_every_earlier_attempt_counts_not_only_the_last():
    eerdere = [GEWEIGERD, Cohortkeuze(SCHAKELJAAR, date(2028, 9, 1))]
    with pytest.raises(HerindieningVereistLaterCohort):
        vereis_later_of_andere_opleiding(eerdere, Cohortkeuze(PRE_BACHELOR, FEB_2028))
