"""The pathway from referral to higher education as a state machine (domain.md §5).

aangemaakt → dossier-compleet → ingediend → intake-gehouden → toegelaten | afgewezen;
toegelaten → gestart → afgerond | beeindigd; afgewezen → ingediend (a new attempt, `poging`).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from inburgering.referrals.domain.errors import OngeldigeOvergang
from inburgering.referrals.domain.model import VerwijzingStatus as S


class Stap(StrEnum):
    VOLTOOI_DOSSIER = "voltooi-dossier"
    DIEN_IN = "dien-in"
    HOUD_INTAKE = "houd-intake"
    LAAT_TOE = "laat-toe"
    WIJS_AF = "wijs-af"
    START = "start"
    ROND_AF = "rond-af"
    BEEINDIG = "beeindig"


_OVERGANGEN: dict[tuple[S, Stap], S] = {
    (S.AANGEMAAKT, Stap.VOLTOOI_DOSSIER): S.DOSSIER_COMPLEET,
    (S.DOSSIER_COMPLEET, Stap.DIEN_IN): S.INGEDIEND,
    (S.INGEDIEND, Stap.HOUD_INTAKE): S.INTAKE_GEHOUDEN,
    (S.INTAKE_GEHOUDEN, Stap.LAAT_TOE): S.TOEGELATEN,
    (S.INTAKE_GEHOUDEN, Stap.WIJS_AF): S.AFGEWEZEN,
    # A refusal ends the attempt, not the referral: it may be submitted again (domain/poging.py).
    (S.AFGEWEZEN, Stap.DIEN_IN): S.INGEDIEND,
    (S.TOEGELATEN, Stap.START): S.GESTART,
    (S.GESTART, Stap.ROND_AF): S.AFGEROND,
    (S.GESTART, Stap.BEEINDIG): S.BEEINDIGD,
}

EINDSTATUSSEN = frozenset({S.AFGEROND, S.BEEINDIGD})


def volgende(status: S, stap: Stap) -> S:
    """The status after taking `stap`, or OngeldigeOvergang when the step does not fit."""
    naar = _OVERGANGEN.get((status, stap))
    if naar is None:
        raise OngeldigeOvergang(f"Stap '{stap}' kan niet vanuit status '{status}'.")
    return naar


def deadline(
    status: S, aanmelddeadline: date | None, startdatum: date | None, einddatum: date | None
) -> date | None:
    """The programme date by which a step has to be reached; None before a cohort is chosen."""
    if status in (S.DOSSIER_COMPLEET, S.INGEDIEND):
        return aanmelddeadline
    if status in (S.INTAKE_GEHOUDEN, S.TOEGELATEN, S.AFGEWEZEN, S.GESTART):
        return startdatum
    if status in (S.AFGEROND, S.BEEINDIGD):
        return einddatum
    return None
