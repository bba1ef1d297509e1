from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from inburgering.contracts.domain.allocatie import (
    Aanvraag,
    Allocatiebeleid,
    kies_contract,
    komt_in_aanmerking,
    rangschik,
    verantwoordelijk_verband,
)
from inburgering.contracts.domain.model import (
    Aanbieder,
    Contract,
    ContractStatus,
    KeurmerkStatus,
    Periode,
    Samenwerkingsverband,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

PEILDATUM = date(2026, 6, 1)
PERIODE = Periode(date(2025, 1, 1), date(2028, 12, 31))
EINDHOVEN, BEST, HELMOND = "GM0772", "GM0753", "GM0794"


def verband(
    leerroute: Leerroute = Leerroute.B1_ROUTE,
    leden: frozenset[str] = frozenset({EINDHOVEN, BEST}),
    periode: Periode = PERIODE,
) -> Samenwerkingsverband:
    return Samenwerkingsverband(uuid.uuid4(), leerroute, EINDHOVEN, leden, periode)


def aanbieder(
    status: KeurmerkStatus | None = KeurmerkStatus.GELDIG,
    geldig_tot: date | None = date(2028, 12, 31),
    taalschakel: bool = False,
) -> Aanbieder:
    return Aanbieder(uuid.uuid4(), "90000001", status, geldig_tot, taalschakel)


def contract(
    capaciteit: int = 10,
    geplaatst: int = 0,
    *,
    id: uuid.UUID | None = None,
    leerroute: Leerroute = Leerroute.B1_ROUTE,
    **changes: object,
) -> Contract:
    base = Contract(
        id=id or uuid.uuid4(),
        samenwerkingsverband=verband(leerroute),
        aanbieder=aanbieder(),
        leerroute=leerroute,
        doelgroep=None,
        capaciteit=capaciteit,
        geplaatst=geplaatst,
        status=ContractStatus.ACTIEF,
        periode=PERIODE,
    )
    return replace(base, **changes)


def aanvraag(
    gemeentecode: str = BEST,
    leerroute: Leerroute = Leerroute.B1_ROUTE,
    doelgroep: Doelgroep = Doelgroep.ASIELSTATUSHOUDER,
    peildatum: date = PEILDATUM,
) -> Aanvraag:
    return Aanvraag(gemeentecode, leerroute, doelgroep, peildatum)


def test_the_contract_with_the_lowest_occupancy_ratio_is_preferred() -> None:
    bijna_vol = contract(capaciteit=10, geplaatst=8)  # 80 %
    half = contract(capaciteit=100, geplaatst=50)  # 50 %, 50 free places
    leeg = contract(capaciteit=4, geplaatst=1)  # 25 %, only 3 free places
    assert rangschik([bijna_vol, half, leeg], aanvraag()) == [leeg, half, bijna_vol]


def test_equal_occupancy_is_decided_by_contract_id() -> None:
    hoog = contract(capaciteit=10, geplaatst=5, id=uuid.UUID(int=2))
    laag = contract(capaciteit=20, geplaatst=10, id=uuid.UUID(int=1))
    assert kies_contract([hoog, laag], aanvraag()) == laag
    assert kies_contract([laag, hoog], aanvraag()) == laag


def test_the_most_free_places_policy_prefers_absolute_room_over_ratio() -> None:
    groot = contract(capaciteit=100, geplaatst=60)  # 40 free, 60 %
    klein = contract(capaciteit=10, geplaatst=1)  # 9 free, 10 %
    assert kies_contract([klein, groot], aanvraag()) == klein
    assert kies_contract([klein, groot], aanvraag(), Allocatiebeleid.MEESTE_VRIJE_PLAATSEN) == groot


def test_a_full_contract_is_passed_over_and_none_when_all_are_full() -> None:
    vol = contract(capaciteit=5, geplaatst=5)
    ruimte = contract(capaciteit=5, geplaatst=4)
    assert kies_contract([vol, ruimte], aanvraag()) == ruimte
    assert kies_contract([vol], aanvraag()) is None
    assert kies_contract([contract(capaciteit=0)], aanvraag()) is None
    assert kies_contract([], aanvraag()) is None


def test_a_suspended_or_withdrawn_keurmerk_excludes_the_provider() -> None:
    for status in (KeurmerkStatus.GESCHORST, KeurmerkStatus.INGETROKKEN, None):
        geschorst = contract(aanbieder=aanbieder(status))
        assert not komt_in_aanmerking(geschorst, aanvraag()), status
        assert not komt_in_aanmerking(
            replace(geschorst, leerroute=Leerroute.Z_ROUTE), aanvraag(leerroute=Leerroute.Z_ROUTE)
        )
    geldig = contract(aanbieder=aanbieder(KeurmerkStatus.GELDIG))
    assert (
        kies_contract([contract(aanbieder=aanbieder(KeurmerkStatus.GESCHORST)), geldig], aanvraag())
        == geldig
    )


def test_an_expired_keurmerk_excludes_the_provider_from_the_day_after() -> None:
    tot = date(2026, 5, 31)
    verlopen = contract(aanbieder=aanbieder(geldig_tot=tot))
    assert komt_in_aanmerking(verlopen, aanvraag(peildatum=tot))
    assert not komt_in_aanmerking(verlopen, aanvraag(peildatum=date(2026, 6, 1)))


def test_the_onderwijsroute_needs_a_taalschakel_institution_not_a_keurmerk() -> None:
    onderwijs = Leerroute.ONDERWIJSROUTE
    schakel = contract(leerroute=onderwijs, aanbieder=aanbieder(None, None, taalschakel=True))
    geschorst_schakel = contract(
        leerroute=onderwijs, aanbieder=aanbieder(KeurmerkStatus.GESCHORST, taalschakel=True)
    )
    keurmerk_zonder_schakel = contract(leerroute=onderwijs, aanbieder=aanbieder())
    assert komt_in_aanmerking(schakel, aanvraag(leerroute=onderwijs))
    assert komt_in_aanmerking(geschorst_schakel, aanvraag(leerroute=onderwijs))
    assert not komt_in_aanmerking(keurmerk_zonder_schakel, aanvraag(leerroute=onderwijs))


def test_a_taalschakel_institution_without_keurmerk_gets_no_b1_placements() -> None:
    schakel = contract(aanbieder=aanbieder(None, None, taalschakel=True))
    assert not komt_in_aanmerking(schakel, aanvraag())


def test_only_members_of_the_contracts_samenwerkingsverband_are_placed() -> None:
    c = contract()
    assert komt_in_aanmerking(c, aanvraag(gemeentecode=BEST))
    assert not komt_in_aanmerking(c, aanvraag(gemeentecode=HELMOND))


def test_the_contract_must_be_for_the_decided_leerroute() -> None:
    z = contract(leerroute=Leerroute.Z_ROUTE)
    assert not komt_in_aanmerking(z, aanvraag(leerroute=Leerroute.B1_ROUTE))
    assert komt_in_aanmerking(z, aanvraag(leerroute=Leerroute.Z_ROUTE))


def test_inactive_or_out_of_period_contracts_are_excluded() -> None:
    assert not komt_in_aanmerking(contract(status=ContractStatus.OPGESCHORT), aanvraag())
    assert not komt_in_aanmerking(contract(status=ContractStatus.BEEINDIGD), aanvraag())
    afgelopen = Periode(date(2021, 1, 1), date(2024, 12, 31))
    assert not komt_in_aanmerking(contract(periode=afgelopen), aanvraag())
    oud_verband = replace(contract(), samenwerkingsverband=verband(periode=afgelopen))
    assert not komt_in_aanmerking(oud_verband, aanvraag())


def test_a_lot_for_one_doelgroep_takes_only_that_doelgroep() -> None:
    asiel = contract(doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    assert komt_in_aanmerking(asiel, aanvraag(doelgroep=Doelgroep.ASIELSTATUSHOUDER))
    assert not komt_in_aanmerking(asiel, aanvraag(doelgroep=Doelgroep.GEZINSMIGRANT))
    assert komt_in_aanmerking(contract(doelgroep=None), aanvraag(doelgroep=Doelgroep.GEZINSMIGRANT))


def test_the_responsible_samenwerkingsverband_is_the_one_covering_gemeente_and_leerroute() -> None:
    b1 = verband(Leerroute.B1_ROUTE, frozenset({EINDHOVEN, BEST}))
    z = verband(Leerroute.Z_ROUTE, frozenset({EINDHOVEN, HELMOND}))
    assert verantwoordelijk_verband([b1, z], aanvraag(gemeentecode=BEST)) == b1
    assert verantwoordelijk_verband([b1, z], aanvraag(BEST, Leerroute.Z_ROUTE)) is None
    assert verantwoordelijk_verband([b1, z], aanvraag(HELMOND, Leerroute.Z_ROUTE)) == z
