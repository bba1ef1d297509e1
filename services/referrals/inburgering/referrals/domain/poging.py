"""Attempts (pogingen) of one referral: a refusal ends an attempt, a resubmission starts the next.

The earlier attempts stay as they were (their steps, deadlines and checklist), so the history of
a refused submission remains readable after the referral moved on.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from inburgering.referrals.domain.errors import HerindieningVereistLaterCohort
from inburgering.referrals.domain.model import VerwijzingStatus


@dataclass(frozen=True)
class Cohortkeuze:
    """The programme and start of the cohort an attempt was (or is being) submitted to."""

    opleiding_id: uuid.UUID
    startdatum: date


def poging_na_indiening(status: VerwijzingStatus, poging: int) -> int:
    """The first submission belongs to attempt 1; each resubmission after a refusal opens the
    next attempt."""
    return poging + 1 if status is VerwijzingStatus.AFGEWEZEN else poging


def vereis_later_of_andere_opleiding(eerdere: Iterable[Cohortkeuze], nieuw: Cohortkeuze) -> None:
    """A refused programme is tried again only in a later cohort: the same cohort already said no,
    and an earlier one would undo the order of the institution's intakes."""
    for eerder in eerdere:
        if eerder.opleiding_id == nieuw.opleiding_id and nieuw.startdatum <= eerder.startdatum:
            raise HerindieningVereistLaterCohort(
                f"Deze opleiding wees de verwijzing af voor het cohort van "
                f"{eerder.startdatum.isoformat()}; kies een later cohort of een andere opleiding."
            )
