"""The samenwerkingsverband's allocation policy on top of the preference order."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest

from inburgering.contracts.domain.allocatie import Aanvraag, rangschik, roteer
from inburgering.contracts.domain.model import (
    Aanbieder,
    Contract,
    ContractStatus,
    KeurmerkStatus,
    Periode,
    Samenwerkingsverband,
    Toewijzingsbeleid,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

PERIODE = Periode(date(2025, 1, 1), date(2028, 12, 31))
EINDHOVEN, BEST = "GM0772", "GM0753"
VERBAND = Samenwerkingsverband(
    uuid.uuid4(), Leerroute.B1_ROUTE, EINDHOVEN, frozenset({EINDHOVEN, BEST}), PERIODE
)

ROTATIE, LOCATIE, VOORKEUR = (
    Toewijzingsbeleid.ROTATIE,
    Toewijzingsbeleid.LOCATIE,
    Toewijzingsbeleid.VOORKEURSVOLGORDE,
)


def aanbieder(
    status: KeurmerkStatus | None = KeurmerkStatus.GELDIG,
    locaties: frozenset[str] = frozenset(),
) -> Aanbieder:
    return Aanbieder(uuid.uuid4(), "90000001", status, date(2028, 12, 31), False, locaties)


def aanvraag(gemeentecode: str = BEST) -> Aanvraag:
    return Aanvraag(gemeentecode, Leerroute.B1_ROUTE, Doelgroep.ASIELSTATUSHOUDER, date(2026, 6, 1))


def genummerd(n: int, capaciteit: int = 10, geplaatst: int = 0, **changes: object) -> Contract:
    base = Contract(
        id=uuid.UUID(int=n),
        samenwerkingsverband=VERBAND,
        aanbieder=aanbieder(),
        leerroute=Leerroute.B1_ROUTE,
        doelgroep=None,
        capaciteit=capaciteit,
        geplaatst=geplaatst,
        status=ContractStatus.ACTIEF,
        periode=PERIODE,
    )
    return replace(base, **changes)


def test_the_preference_order_stays_the_default_policy() -> None:
    vol, leeg = genummerd(1, geplaatst=8), genummerd(2, geplaatst=1)
    assert rangschik([vol, leeg], aanvraag()) == [leeg, vol]
    assert rangschik([vol, leeg], aanvraag(), toewijzing=VOORKEUR) == [leeg, vol]


@pytest.mark.parametrize(
    ("laatst", "verwacht"),
    [
        (None, [1, 2, 3]),  # a new rotation starts at the lowest contract id
        (1, [2, 3, 1]),
        (2, [3, 1, 2]),
        (3, [1, 2, 3]),  # wraps around
        (99, [1, 2, 3]),  # the last chosen contract no longer qualifies or exists
    ],
)
def test_the_rotation_starts_after_the_contract_it_chose_last(laatst, verwacht) -> None:
    contracten = [genummerd(3), genummerd(1, geplaatst=9), genummerd(2)]
    vorige = uuid.UUID(int=laatst) if laatst is not None else None
    volgorde = rangschik(contracten, aanvraag(), toewijzing=ROTATIE, laatst_gekozen=vorige)
    assert [c.id.int for c in volgorde] == verwacht


def test_the_rotation_gives_every_qualifying_contract_its_turn_regardless_of_occupancy() -> None:
    contracten = [genummerd(1, geplaatst=9), genummerd(2), genummerd(3, geplaatst=5)]
    laatst, gekozen = None, []
    for _ in range(6):
        eerste = roteer(contracten, laatst)[0]
        gekozen.append(eerste.id.int)
        laatst = eerste.id
    assert gekozen == [1, 2, 3, 1, 2, 3]


def test_the_rotation_skips_contracts_that_do_not_qualify() -> None:
    vol = genummerd(2, capaciteit=5, geplaatst=5)
    volgorde = rangschik(
        [genummerd(1), vol, genummerd(3)],
        aanvraag(),
        toewijzing=ROTATIE,
        laatst_gekozen=uuid.UUID(int=1),
    )
    assert [c.id.int for c in volgorde] == [3, 1]


def test_the_location_policy_prefers_a_provider_teaching_in_the_gemeente() -> None:
    elders = genummerd(1, geplaatst=0, aanbieder=aanbieder(locaties=frozenset({EINDHOVEN})))
    in_best = genummerd(2, geplaatst=7, aanbieder=aanbieder(locaties=frozenset({BEST})))
    assert rangschik([elders, in_best], aanvraag(BEST), toewijzing=VOORKEUR) == [elders, in_best]
    assert rangschik([elders, in_best], aanvraag(BEST), toewijzing=LOCATIE) == [in_best, elders]
    # For an Eindhoven inburgeraar the other provider is the local one.
    assert rangschik([elders, in_best], aanvraag(EINDHOVEN), toewijzing=LOCATIE)[0] == elders


def test_the_location_policy_falls_back_to_the_preference_order() -> None:
    hoog, laag, ver = genummerd(1, geplaatst=6), genummerd(2, geplaatst=2), genummerd(3)
    lokaal = aanbieder(locaties=frozenset({BEST}))
    a, b = replace(hoog, aanbieder=lokaal), replace(laag, aanbieder=lokaal)
    # Two local providers in preference order, then the others in preference order.
    assert rangschik([ver, a, b], aanvraag(BEST), toewijzing=LOCATIE) == [b, a, ver]
    assert rangschik([hoog, laag], aanvraag(BEST), toewijzing=LOCATIE) == [laag, hoog]


def test_no_policy_places_with_a_provider_that_does_not_qualify() -> None:
    lokaal_geschorst = genummerd(1, aanbieder=aanbieder(status=None, locaties=frozenset({BEST})))
    for beleid in Toewijzingsbeleid:
        assert rangschik([lokaal_geschorst], aanvraag(BEST), toewijzing=beleid) == []
