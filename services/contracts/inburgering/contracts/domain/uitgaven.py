"""What a contract costs: units delivered times the agreed price per unit; no I/O.

Units per price unit: a traject counts once it started, an hour when attended, a module when the
provider reports it completed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from inburgering.contracts.domain.model import PrijsEenheid


@dataclass(frozen=True)
class Levering:
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal | None
    eenheden: Decimal

    @property
    def bedrag(self) -> Decimal:
        return (self.prijs_bedrag or Decimal(0)) * self.eenheden


def per_prijs_eenheid(
    leveringen: Iterable[Levering],
) -> dict[PrijsEenheid, tuple[Decimal, Decimal]]:
    """Units and amount per price unit, over all contracts."""
    totaal: dict[PrijsEenheid, tuple[Decimal, Decimal]] = defaultdict(
        lambda: (Decimal(0), Decimal(0))
    )
    for levering in leveringen:
        eenheden, bedrag = totaal[levering.prijs_eenheid]
        totaal[levering.prijs_eenheid] = (eenheden + levering.eenheden, bedrag + levering.bedrag)
    return dict(totaal)
