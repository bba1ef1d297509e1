"""The PIP deadline ([Bi] art. 5.3): when a gemeente must have adopted the PIP."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

TIEN_WEKEN = timedelta(weeks=10)
TWEE_WEKEN = timedelta(weeks=2)


@dataclass(frozen=True)
class PipTermijnFeiten:
    kennisgeving: date | None = None
    """The day DUO notified the person in writing of the obligation."""
    vestiging: date | None = None
    """Registration (BRP) in the housing gemeente, or in the new gemeente after a move."""
    na_verhuizing: bool = False
    wacht_op_derde: bool = False
    """Paused while the gemeente waits for information from a third party."""
    derde_informatie_ontvangen: date | None = None


def pip_uiterlijk(feiten: PipTermijnFeiten) -> date | None:
    """The last day to adopt the PIP; None while paused or while no start is known."""
    if feiten.wacht_op_derde:
        return None
    if feiten.na_verhuizing:
        basis = feiten.vestiging
    else:
        bekend = [d for d in (feiten.kennisgeving, feiten.vestiging) if d is not None]
        basis = max(bekend) if bekend else None
    if basis is None:
        return None
    uiterlijk = basis + TIEN_WEKEN
    if feiten.derde_informatie_ontvangen is not None:
        # Deviation only extends: two weeks after receipt, never earlier than the normal rule.
        uiterlijk = max(uiterlijk, feiten.derde_informatie_ontvangen + TWEE_WEKEN)
    return uiterlijk


def nadert_op(uiterlijk: date, dagen_vooraf: int) -> date:
    return uiterlijk - timedelta(days=dagen_vooraf)


def verstreken_op(uiterlijk: date) -> date:
    """The deadline has passed at the start of the day after the last day."""
    return uiterlijk + timedelta(days=1)
