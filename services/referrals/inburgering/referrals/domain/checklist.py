"""What has to be true at each step of the pathway, and the facts that matter for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inburgering.referrals.domain.model import Diplomawaardering, Taalniveau, Uitkomst
from inburgering.referrals.domain.model import VerwijzingStatus as S

STUDIEFINANCIERING_LEEFTIJDSGRENS = 30


@dataclass(frozen=True)
class Dossier:
    diplomawaardering: Diplomawaardering
    taalniveau: Taalniveau
    uaf_begeleiding: bool = False
    # Only the year: enough for the student-finance age check, less personal data than a date.
    geboortejaar: int | None = None


@dataclass(frozen=True)
class Feiten:
    """What is known about one referral when its checklist is drawn up."""

    dossier: Dossier | None
    taalniveau_bij_start: Taalniveau | None = None
    diplomawaardering_vereist: bool = True
    aanmelddeadline: date | None = None
    startdatum: date | None = None
    ingediend_op: date | None = None


@dataclass(frozen=True)
class ChecklistItem:
    stap: S
    item: str
    uitkomst: Uitkomst


def onder_leeftijdsgrens_bij_start(geboortejaar: int | None, startdatum: date | None) -> Uitkomst:
    """Student finance requires being under 30 when it starts (DUO).

    With only a birth year the age at the start is one of two values; when the person turns
    30 in the start year the answer depends on the birthday, so it stays unknown.
    """
    if geboortejaar is None or startdatum is None:
        return Uitkomst.ONBEKEND
    hoogst = startdatum.year - geboortejaar
    if hoogst < STUDIEFINANCIERING_LEEFTIJDSGRENS:
        return Uitkomst.VOLDAAN
    if hoogst - 1 >= STUDIEFINANCIERING_LEEFTIJDSGRENS:
        return Uitkomst.NIET_VOLDAAN
    return Uitkomst.ONBEKEND


def _uitkomst(waarde: bool | None) -> Uitkomst:
    if waarde is None:
        return Uitkomst.ONBEKEND
    return Uitkomst.VOLDAAN if waarde else Uitkomst.NIET_VOLDAAN


def checklist(feiten: Feiten) -> list[ChecklistItem]:
    dossier = feiten.dossier
    waardering = None
    if dossier is not None:
        waardering = (
            not feiten.diplomawaardering_vereist
            or dossier.diplomawaardering is not Diplomawaardering.NIET_VERGELIJKBAAR
        )
    op_tijd = None
    if feiten.ingediend_op is not None and feiten.aanmelddeadline is not None:
        op_tijd = feiten.ingediend_op <= feiten.aanmelddeadline
    taaleis = None
    if dossier is not None and feiten.taalniveau_bij_start is not None:
        taaleis = dossier.taalniveau.rang >= feiten.taalniveau_bij_start.rang
    return [
        ChecklistItem(S.DOSSIER_COMPLEET, "diplomawaardering", _uitkomst(waardering)),
        ChecklistItem(
            S.DOSSIER_COMPLEET, "taalniveau-vastgesteld", _uitkomst(True if dossier else None)
        ),
        ChecklistItem(S.INGEDIEND, "binnen-aanmeldtermijn", _uitkomst(op_tijd)),
        # Not a bar to submission: the level is required by the start (NT2 programma II).
        ChecklistItem(S.GESTART, "taalniveau-eis-bij-start", _uitkomst(taaleis)),
        ChecklistItem(
            S.GESTART,
            "studiefinanciering-leeftijd",
            onder_leeftijdsgrens_bij_start(
                dossier.geboortejaar if dossier else None, feiten.startdatum
            ),
        ),
    ]
