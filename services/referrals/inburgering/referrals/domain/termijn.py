"""When a referral's deadline approaches: the registration deadline while it is not yet
submitted, the cohort start while the institution has not decided."""

from __future__ import annotations

from datetime import date, timedelta

from inburgering.referrals.domain.model import VerwijzingStatus

# A default lead time of two weeks, as for the PIP deadline signal (domain.md §9.4).
STANDAARD_DAGEN_VOORAF = 14

# Submitted but not yet admitted or refused: the institution still owes a decision.
WACHT_OP_BESLUIT = frozenset({VerwijzingStatus.INGEDIEND, VerwijzingStatus.INTAKE_GEHOUDEN})

# Never submitted yet: the gemeente still has to submit before a registration deadline.
NOG_NIET_INGEDIEND = frozenset({VerwijzingStatus.AANGEMAAKT, VerwijzingStatus.DOSSIER_COMPLEET})


def nadert_op(datum: date, dagen_vooraf: int) -> date:
    return datum - timedelta(days=dagen_vooraf)
