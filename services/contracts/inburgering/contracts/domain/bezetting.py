"""When a contract is nearly full: the lead gemeente is warned once on the way up."""

from __future__ import annotations


def passeert_drempel(capaciteit: int, geplaatst_na: int, drempel_procent: int) -> bool:
    """True for exactly the claim that lifts occupancy from below the threshold to or above it."""
    if capaciteit <= 0:
        return False
    voor = geplaatst_na - 1
    return voor * 100 < drempel_procent * capaciteit <= geplaatst_na * 100
