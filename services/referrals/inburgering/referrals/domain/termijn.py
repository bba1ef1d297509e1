"""When a submitted referral's deadline approaches: the cohort starts, undecided."""

from __future__ import annotations

from datetime import date, timedelta

from inburgering.referrals.domain.model import VerwijzingStatus

# Submitted but not yet admitted or refused: the institution still owes a decision.
WACHT_OP_BESLUIT = frozenset({VerwijzingStatus.INGEDIEND, VerwijzingStatus.INTAKE_GEHOUDEN})


def nadert_op(startdatum: date, dagen_vooraf: int) -> date:
    return startdatum - timedelta(days=dagen_vooraf)
