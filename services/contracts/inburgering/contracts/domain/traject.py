"""The life of a placement at a provider, as a small state machine; no I/O.

wachtlijst → aangevraagd → geaccepteerd → gestart → afgerond | uitgevallen.
A rejection sends an aangevraagd placement back to the allocation (aangevraagd elsewhere,
or wachtlijst); a participant may also drop out between acceptance and start. A new leerroute
withdraws a placement that has not started (ingetrokken) and ends a running one (beeindigd).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from inburgering.contracts.domain.errors import OngeldigeOvergang
from inburgering.contracts.domain.model import PlaatsingStatus as S


class Handeling(StrEnum):
    TOEWIJZEN = "toewijzen"
    ACCEPTEREN = "accepteren"
    AFWIJZEN = "afwijzen"
    STARTEN = "starten"
    AANWEZIGHEID_MELDEN = "aanwezigheid-melden"
    VOORTGANG_MELDEN = "voortgang-melden"
    EXAMENRESULTAAT_MELDEN = "examenresultaat-melden"
    AFRONDEN = "afronden"
    UITVALLEN = "uitvallen"
    INTREKKEN = "intrekken"
    BEEINDIGEN = "beeindigen"


_OVERGANGEN: dict[tuple[S, Handeling], S] = {
    (S.WACHTLIJST, Handeling.TOEWIJZEN): S.AANGEVRAAGD,
    (S.AANGEVRAAGD, Handeling.ACCEPTEREN): S.GEACCEPTEERD,
    (S.AANGEVRAAGD, Handeling.AFWIJZEN): S.WACHTLIJST,
    (S.GEACCEPTEERD, Handeling.STARTEN): S.GESTART,
    (S.GEACCEPTEERD, Handeling.UITVALLEN): S.UITGEVALLEN,
    # Reports during the course leave the status as it is.
    (S.GESTART, Handeling.AANWEZIGHEID_MELDEN): S.GESTART,
    (S.GESTART, Handeling.VOORTGANG_MELDEN): S.GESTART,
    (S.GESTART, Handeling.EXAMENRESULTAAT_MELDEN): S.GESTART,
    (S.GESTART, Handeling.AFRONDEN): S.AFGEROND,
    (S.GESTART, Handeling.UITVALLEN): S.UITGEVALLEN,
    (S.WACHTLIJST, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.AANGEVRAAGD, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.GEACCEPTEERD, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.GESTART, Handeling.BEEINDIGEN): S.BEEINDIGD,
}

# Hour milestones of attended NT2 course hours (the agreed urenmijlpaal-bereikt event).
MIJLPALEN = (400, 600, 800)


def na(status: S, handeling: Handeling) -> S:
    """The status after the handeling, or OngeldigeOvergang when it is not allowed now."""
    volgende = _OVERGANGEN.get((status, handeling))
    if volgende is None:
        raise OngeldigeOvergang(f"'{handeling}' kan niet bij een plaatsing met status '{status}'.")
    return volgende


def bij_nieuwe_leerroute(status: S) -> Handeling | None:
    """What a change of leerroute does to a placement on the old one: withdraw it before the
    course starts, end it while it runs, leave it alone once it is over."""
    for handeling in (Handeling.INTREKKEN, Handeling.BEEINDIGEN):
        if (status, handeling) in _OVERGANGEN:
            return handeling
    return None


def toegestaan(status: S) -> set[Handeling]:
    return {h for (s, h) in _OVERGANGEN if s is status}


def gepasseerde_mijlpalen(
    uren_voor: float, uren_na: float, mijlpalen: Iterable[int] = MIJLPALEN
) -> list[int]:
    """The milestones this report crossed; each is crossed at most once per placement."""
    return [m for m in mijlpalen if uren_voor < m <= uren_na]
