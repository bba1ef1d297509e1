from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from inburgering.contracts.domain.contractversie import (
    Bezetting,
    Voorwaarden,
    Wijziging,
    nieuwe_voorwaarden,
)
from inburgering.contracts.domain.errors import CapaciteitOnderBezetting, OngeldigeWijziging
from inburgering.contracts.domain.model import ContractStatus, Periode, PrijsEenheid
from inburgering.contracts.domain.uitgaven import Levering, per_prijs_eenheid

HUIDIG = Voorwaarden(
    capaciteit=10,
    prijs_eenheid=PrijsEenheid.UUR,
    prijs_bedrag=Decimal("14.50"),
    status=ContractStatus.ACTIEF,
    periode=Periode(date(2026, 1, 1), date(2029, 12, 31)),
    verlengingsopties=2,
)
BEZET = Bezetting(
    geplaatst=4, per_gemeente={"GM0753": 3, "GM0772": 1}, leden=frozenset({"GM0753", "GM0772"})
)


def test_only_the_given_terms_change() -> None:
    nieuw = nieuwe_voorwaarden(
        HUIDIG, Wijziging(periode_eind=date(2031, 12, 31), verlengingsopties=1), BEZET
    )
    assert nieuw.periode == Periode(date(2026, 1, 1), date(2031, 12, 31))
    assert (nieuw.verlengingsopties, nieuw.capaciteit, nieuw.prijs_bedrag) == (
        1,
        10,
        Decimal("14.50"),
    )


@pytest.mark.parametrize(
    ("wijziging", "fout"),
    [
        (Wijziging(), OngeldigeWijziging),
        (Wijziging(capaciteit=10), OngeldigeWijziging),
        (Wijziging(capaciteit=3), CapaciteitOnderBezetting),
        (Wijziging(periode_eind=date(2025, 1, 1)), OngeldigeWijziging),
        (Wijziging(aandelen={"GM0794": 2}), OngeldigeWijziging),
        (Wijziging(aandelen={"GM0753": 6, "GM0772": 5}), OngeldigeWijziging),
        (Wijziging(aandelen={"GM0753": 2}), CapaciteitOnderBezetting),
    ],
)
def test_a_change_must_keep_the_rules(wijziging, fout) -> None:
    with pytest.raises(fout):
        nieuwe_voorwaarden(HUIDIG, wijziging, BEZET)


def test_spend_is_units_times_price_per_price_unit() -> None:
    totaal = per_prijs_eenheid(
        [
            Levering(PrijsEenheid.UUR, Decimal("14.50"), Decimal("10.5")),
            Levering(PrijsEenheid.UUR, Decimal("15.00"), Decimal("2")),
            Levering(PrijsEenheid.TRAJECT, None, Decimal("3")),
        ]
    )
    assert totaal == {
        PrijsEenheid.UUR: (Decimal("12.5"), Decimal("182.250")),
        PrijsEenheid.TRAJECT: (Decimal("3"), Decimal("0")),
    }
