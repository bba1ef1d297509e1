"""Rule sets as data: a version and the date from which it applies, so that a later rule set
never changes an advice already given (the advice keeps the version it was computed with)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inburgering.routes.domain.errors import GeenRegelsetVanKracht
from inburgering.shared.events.vocabulary import Ambitie, Opleidingsniveau


@dataclass(frozen=True)
class Regelset:
    versie: str
    ingangsdatum: date
    # [Wi] 8.1: the onderwijsroute is for whoever wants vocational or higher education.
    onderwijs_ambities: frozenset[Ambitie]
    # The gemeente's judgement of "a great chance of a diploma", made concrete as prior education.
    onderwijs_niveaus: frozenset[Opleidingsniveau]


REGELSET_2026_1 = Regelset(
    versie="2026.1",
    ingangsdatum=date(2026, 1, 1),
    onderwijs_ambities=frozenset({Ambitie.MBO, Ambitie.HBO, Ambitie.WO}),
    onderwijs_niveaus=frozenset(
        {
            Opleidingsniveau.VOORTGEZET,
            Opleidingsniveau.MBO,
            Opleidingsniveau.HBO,
            Opleidingsniveau.WO,
        }
    ),
)

REGELSETS: tuple[Regelset, ...] = (REGELSET_2026_1,)


def regelset_op(datum: date, regelsets: Sequence[Regelset] = REGELSETS) -> Regelset:
    """The rule set in force on `datum`: the latest whose ingangsdatum is not after it."""
    geldend = [r for r in regelsets if r.ingangsdatum <= datum]
    if not geldend:
        raise GeenRegelsetVanKracht(f"Er is geen regelset van kracht op {datum.isoformat()}.")
    return max(geldend, key=lambda r: r.ingangsdatum)
