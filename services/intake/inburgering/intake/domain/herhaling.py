"""When to try DUO again: exponential backoff with a ceiling."""

from __future__ import annotations

from datetime import timedelta


def wachttijd(poging: int, *, basis_seconden: float, max_seconden: float) -> timedelta:
    """The wait after failed attempt number `poging` (1 for the first failure)."""
    exponent = min(max(poging - 1, 0), 30)  # 2**30 already exceeds any sensible ceiling
    return timedelta(seconds=min(basis_seconden * 2**exponent, max_seconden))
