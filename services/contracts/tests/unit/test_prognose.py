"""The demand forecast on a scenario computed by hand (see the comments for each figure)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from inburgering.contracts.domain.lidmaatschap import Lidmaatschap, LidRol
from inburgering.contracts.domain.prognose import (
    ContractStand,
    Instroom,
    Kwartaal,
    Persoon,
    bereken,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

A, B, C = "GM0772", "GM0753", "GM0794"
ASIEL, GEZIN = Doelgroep.ASIELSTATUSHOUDER, Doelgroep.GEZINSMIGRANT
Z, B1 = Leerroute.Z_ROUTE, Leerroute.B1_ROUTE
ROLLEN = frozenset({LidRol.UITVOERING})


def persoon(code, doelgroep, advies=None, besluit=None, *, plaats=False, klaar=False) -> Persoon:
    return Persoon(code, doelgroep, advies, besluit, afgesloten=klaar, heeft_plaatsing=plaats)


def scenario(**wijziging):
    historie = (
        # A: 20 decided asielstatushouders, 8 on the Z-route: A's own share 8/20 = 2/5.
        [persoon(A, ASIEL, Z, Z, plaats=True) for _ in range(8)]
        + [persoon(A, ASIEL, B1, B1, plaats=True) for _ in range(12)]
        # B: 5 decided, 2 on Z; too few for its own rate, so the region's: (8+2)/25 = 2/5.
        + [persoon(B, ASIEL, Z, Z, plaats=True) for _ in range(2)]
        + [persoon(B, ASIEL, B1, B1, plaats=True) for _ in range(3)]
    )
    pijplijn = (
        [persoon(A, GEZIN, Z, Z) for _ in range(2)]  # decided, no placement
        + [persoon(A, ASIEL, Z) for _ in range(4)]  # advised Z
        + [persoon(B, GEZIN, Z)]  # advised Z
        + [persoon(A, ASIEL) for _ in range(5)]  # registered, no advice yet
        + [persoon(B, ASIEL) for _ in range(3)]  # B has left by next quarter
        + [persoon(A, ASIEL, klaar=True)]  # obligation ended: needs nothing
        + [persoon(C, ASIEL, Z) for _ in range(9)]  # not a member
    )
    invoer = {
        "leerroute": Z,
        "leden": [
            Lidmaatschap(A, date(2026, 1, 1), None, ROLLEN),
            Lidmaatschap(B, date(2026, 1, 1), date(2027, 1, 1), ROLLEN),
        ],
        "personen": historie + pijplijn,
        "wachtlijst": {A: 3, C: 7},
        "instroom": [
            Instroom(A, "2026-H2", 10, 4),
            Instroom(A, "2027-H1", 20, 0),
            Instroom(B, "2026-H2", 6, 0),
            Instroom(C, "2026-H2", 100, 0),
        ],
        "contracten": [
            ContractStand("x", 12, date(2025, 1, 1), date(2027, 3, 31), 1, actief=True),
            ContractStand("y", 6, date(2026, 1, 1), date(2028, 12, 31), 0, actief=True),
            ContractStand("z", 50, date(2026, 1, 1), date(2028, 12, 31), 0, actief=False),
        ],
        "peildatum": date(2026, 11, 15),
        "aantal_kwartalen": 4,
    }
    return bereken(**{**invoer, **wijziging})


def test_each_quarter_adds_up_its_components_and_capacity_is_used_up_in_turn():
    prognose = scenario()
    k4, k1, k2, k3 = prognose.kwartalen
    assert [str(k.kwartaal) for k in prognose.kwartalen] == [
        "2026-K4", "2027-K1", "2027-K2", "2027-K3",
    ]  # fmt: skip
    # 2026-K4: waiting 3; 2 decided gezinsmigranten x 3/10 = 3/5; 4 advised asiel x 9/10 = 18/5;
    # 1 advised gezinsmigrant x 9/10 x 3/10 = 27/100; influx of 2026-H2 (arrived in K3):
    # A 10 asiel x 1/2 x 2/5 = 2, A 4 gezin x 1/2 x 3/10 x 3/10 = 9/50, B 6 x 1/2 x 2/5 = 6/5.
    assert k4.vraag == 3 + Fraction(3, 5) + Fraction(18, 5) + Fraction(27, 100) + 2 + Fraction(
        9, 50
    ) + Fraction(6, 5)
    assert k4.vraag == Fraction(1085, 100)
    # 2027-K1: A's 5 registered x 2/5 = 2 (B left on 1 January); A's influx of 2026-H2 again.
    assert k1.vraag == 2 + 2 + Fraction(9, 50)
    # 2027-K2 and K3: A's 20 of 2027-H1, half per quarter, x 2/5 = 4.
    assert (k2.vraag, k3.vraag) == (4, 4)
    # Capacity: x (12, ends 31 March 2027, extendable) is used first, then y (6).
    assert (k4.vrije_plaatsen, k4.verlengbaar, k4.tekort) == (18, 12, 0)
    assert k1.vrije_plaatsen == 18 - Fraction(1085, 100)
    assert k1.tekort == 0
    # x has ended: y's 6 minus what K1 took from it (4.18 - 1.15 = 3.03) leaves 2.97.
    assert k2.vrije_plaatsen == Fraction(297, 100)
    assert (k2.onvervuld, k2.tekort) == (Fraction(103, 100), 2)
    assert (k3.onvervuld, k3.tekort) == (Fraction(503, 100), 6)
    assert prognose.eerste_tekort is k2


def test_every_figure_is_explained_by_its_components_and_their_rates():
    k4 = scenario().kwartalen[0]
    bronnen = {(c.bron, c.gemeentecode, c.doelgroep): c for c in k4.componenten}
    assert set(bronnen) == {
        ("wachtlijst", A, None),
        ("vastgesteld", A, "gezinsmigrant"),
        ("geadviseerd", A, "asielstatushouder"),
        ("geadviseerd", B, "gezinsmigrant"),
        ("instroom", A, "asielstatushouder"),
        ("instroom", A, "gezinsmigrant"),
        ("instroom", B, "asielstatushouder"),
    }
    instroom_b = bronnen[("instroom", B, "asielstatushouder")]
    assert (
        instroom_b.kansen["routeaandeel"].bron,
        instroom_b.kansen["routeaandeel"].waarnemingen,
    ) == ("regio", 25)
    instroom_a = bronnen[("instroom", A, "asielstatushouder")]
    assert instroom_a.kansen["routeaandeel"].bron == "gemeente"
    assert bronnen[("geadviseerd", A, "asielstatushouder")].kansen["overname"].bron == "standaard"
    assert sum(c.verwachting for c in k4.componenten) == k4.vraag


def test_enough_capacity_means_no_shortfall_and_one_place_less_means_one():
    ruim = scenario(
        contracten=[ContractStand("y", 24, date(2026, 1, 1), date(2028, 12, 31), 0, actief=True)]
    )
    # Demand over the horizon: 10.85 + 4.18 + 4 + 4 = 23.03, which needs 24 places.
    assert sum(k.vraag for k in ruim.kwartalen) == Fraction(2303, 100)
    assert ruim.eerste_tekort is None
    krap = scenario(
        contracten=[ContractStand("y", 23, date(2026, 1, 1), date(2028, 12, 31), 0, actief=True)]
    )
    assert krap.eerste_tekort is not None
    assert (str(krap.eerste_tekort.kwartaal), krap.eerste_tekort.tekort) == ("2027-K3", 1)


def test_quarters_follow_the_calendar():
    assert Kwartaal.van(date(2026, 12, 31)).plus(1) == Kwartaal(2027, 1)
    assert Kwartaal(2027, 1).plus(-1).halfjaar == "2026-H2"
    assert Kwartaal(2027, 2).start == date(2027, 4, 1)
