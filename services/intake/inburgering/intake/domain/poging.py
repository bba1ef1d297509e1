"""A failed attempt at scheduled work, told in words a case manager can act on (never a BSN)."""

from __future__ import annotations

import re

FOUT_MAX = 200
# A BSN is nine digits; an OIN (twenty) or a date is left readable.
_NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")


class OnleesbaarAntwoord(ValueError):
    """DUO answered, but not in the shape its spec promises: a field missing or of another type."""


def maskeer(tekst: str) -> str:
    return _NEGEN_CIJFERS.sub("*********", tekst)


def onleesbaar(exc: Exception) -> OnleesbaarAntwoord:
    """A shape error met while applying DUO's answer, as the parse error it is."""
    if isinstance(exc, OnleesbaarAntwoord):
        return exc
    if isinstance(exc, KeyError):
        return OnleesbaarAntwoord(f"het veld {exc.args[0]!r} ontbreekt")
    return OnleesbaarAntwoord(f"{type(exc).__name__}: {exc}")


def reden(exc: BaseException) -> str:
    """Why an attempt failed: a parse error says what DUO sent wrong, anything else is named."""
    if isinstance(exc, OnleesbaarAntwoord):
        tekst = f"DUO's antwoord is onleesbaar: {exc}"
    else:
        tekst = f"Onverwachte fout ({type(exc).__name__}: {exc})"
    return maskeer(tekst)[:FOUT_MAX]
