"""Municipal policy the rules apply, versioned by the date it takes effect.

A new version only applies from a future date, so an advice already given (or one for an intake
completed earlier) is never judged by a policy that did not yet exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inburgering.routes.domain.errors import BeleidMetTerugwerkendeKracht


@dataclass(frozen=True)
class Beleid:
    """The law itself sets no age limit for the onderwijsroute; gemeenten do ("tot 28 jaar")."""

    onderwijsroute_max_leeftijd: int
    # None: the service-wide default, not a version the gemeente set itself.
    ingangsdatum: date | None = None


def beleid_op(versies: Sequence[Beleid], datum: date, standaard: Beleid) -> Beleid:
    geldend = [v for v in versies if v.ingangsdatum is not None and v.ingangsdatum <= datum]
    if not geldend:
        return standaard
    return max(geldend, key=lambda v: v.ingangsdatum or date.min)


def nieuw_beleid(onderwijsroute_max_leeftijd: int, ingangsdatum: date, vandaag: date) -> Beleid:
    if ingangsdatum <= vandaag:
        raise BeleidMetTerugwerkendeKracht(
            f"Nieuw beleid gaat op zijn vroegst morgen in (ingangsdatum {ingangsdatum.isoformat()} "
            "ligt niet na vandaag): gegeven adviezen houden het beleid waarmee ze zijn berekend."
        )
    return Beleid(onderwijsroute_max_leeftijd, ingangsdatum)
