"""Intake rules that need no I/O."""

from __future__ import annotations

from datetime import date

from inburgering.intake.domain.errors import OngeldigBsn

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def valideer_bsn(bsn: str) -> str:
    """Elfproef: nine digits, weighted sum (last weight -1) divisible by 11; 8 digits get a 0."""
    digits = bsn.strip()
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit():
        raise OngeldigBsn("Een BSN bestaat uit 9 cijfers.")
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True))
    if total % 11 != 0 or total == 0:
        raise OngeldigBsn("Het BSN voldoet niet aan de elfproef.")
    return digits


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren
