"""The leerbaarheidstoets (LBT): the pass mark in force on the test date decides the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inburgering.intake.domain.errors import LeerbaarheidstoetsOngeldig, UitslagWijktAf
from inburgering.shared.events.vocabulary import LeerbaarheidstoetsUitslag

NIEUWE_CESUUR_VANAF = date(2023, 4, 12)
MAXIMALE_SCORE = 40


class Beperking(StrEnum):
    """Why the test was not taken: it exists only in a visual or an auditory form."""

    VISUEEL = "visueel"
    AUDITIEF = "auditief"


@dataclass(frozen=True)
class Leerbaarheidstoets:
    uitslag: LeerbaarheidstoetsUitslag
    score: int | None = None
    afgenomen: date | None = None
    cesuur: int | None = None
    beperking: Beperking | None = None


def cesuur_op(afgenomen: date) -> int:
    """The LBT pass mark out of 40 on the test date: 31, and 28 from 12 April 2023 (Divosa)."""
    return 28 if afgenomen >= NIEUWE_CESUUR_VANAF else 31


def uitslag_bij(score: int, afgenomen: date) -> LeerbaarheidstoetsUitslag:
    if not 0 <= score <= MAXIMALE_SCORE:
        raise LeerbaarheidstoetsOngeldig(f"Een score is 0 tot en met {MAXIMALE_SCORE}.")
    if score >= cesuur_op(afgenomen):
        return LeerbaarheidstoetsUitslag.B1_HAALBAAR
    return LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR


def bepaal_leerbaarheidstoets(
    *,
    opgegeven: LeerbaarheidstoetsUitslag | None,
    score: int | None,
    afgenomen: date | None,
    beperking: Beperking | None,
    intake_afgerond: date,
) -> Leerbaarheidstoets:
    """The outcome follows from score and date; a given outcome must agree with it.

    Without a score the given outcome stands: clients from before the score was recorded, and
    a test not taken because of a visual or auditory impairment.
    """
    if (score is None) != (afgenomen is None):
        raise LeerbaarheidstoetsOngeldig("Geef score en afnamedatum samen, of geen van beide.")
    niet_afgenomen = opgegeven is LeerbaarheidstoetsUitslag.NIET_AFGENOMEN_BEPERKING
    if beperking is not None and not niet_afgenomen:
        raise LeerbaarheidstoetsOngeldig(
            "Een beperking hoort alleen bij 'niet afgenomen wegens beperking'."
        )
    if score is None or afgenomen is None:
        if opgegeven is None:
            raise LeerbaarheidstoetsOngeldig("Geef de uitslag, of score en afnamedatum.")
        return Leerbaarheidstoets(uitslag=opgegeven, beperking=beperking)
    if niet_afgenomen:
        raise LeerbaarheidstoetsOngeldig("Een niet afgenomen toets heeft geen score.")
    if afgenomen > intake_afgerond:
        raise LeerbaarheidstoetsOngeldig("De toets kan niet na de afronding van de intake liggen.")
    berekend = uitslag_bij(score, afgenomen)
    cesuur = cesuur_op(afgenomen)
    if opgegeven is not None and opgegeven is not berekend:
        raise UitslagWijktAf(
            f"Score {score} van {MAXIMALE_SCORE} op {afgenomen.isoformat()} (cesuur {cesuur}) "
            f"geeft '{berekend}', niet '{opgegeven}'."
        )
    return Leerbaarheidstoets(uitslag=berekend, score=score, afgenomen=afgenomen, cesuur=cesuur)
