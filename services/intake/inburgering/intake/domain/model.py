"""Intake rules that need no I/O."""

from __future__ import annotations

import re
from datetime import date

from inburgering.intake.domain.errors import OngeldigBsn

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_BSN = re.compile(r"[0-9]{9}")


def valideer_bsn(bsn: str) -> str:
    """Exactly nine ASCII digits whose weighted sum (last weight -1) divides by 11 (elfproef)."""
    # Not isdigit() or \d: both take other scripts' digits, which int() then reads as 0-9, so
    # another spelling of a valid BSN would pass; `$` would let a final newline through.
    if not _BSN.fullmatch(bsn):
        raise OngeldigBsn("Een BSN bestaat uit precies 9 cijfers (0-9).")
    total = sum(int(d) * w for d, w in zip(bsn, _WEIGHTS, strict=True))
    if total % 11 != 0 or total == 0:
        raise OngeldigBsn("Het BSN voldoet niet aan de elfproef.")
    return bsn


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren
