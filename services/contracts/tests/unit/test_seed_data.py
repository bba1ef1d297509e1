from __future__ import annotations

import re

from inburgering.contracts import seed
from inburgering.contracts.domain.model import KeurmerkStatus
from inburgering.shared.events.vocabulary import Leerroute

# Domain notes, section 8: the 21 gemeenten of the labour-market region Zuidoost-Brabant.
ZUIDOOST_BRABANT_CODES = {
    "GM0743", "GM1724", "GM0753", "GM1728", "GM1706", "GM0762", "GM0770",
    "GM0772", "GM1771", "GM1652", "GM1658", "GM0794", "GM1659", "GM0820",
    "GM0823", "GM1667", "GM0847", "GM0848", "GM0858", "GM0861", "GM0866",
}  # fmt: skip


def test_the_region_has_the_21_distinct_valid_cbs_codes_of_zuidoost_brabant() -> None:
    codes = list(seed.ZUIDOOST_BRABANT)
    assert len(codes) == len(set(codes)) == 21
    assert all(re.fullmatch(r"GM\d{4}", code) for code in codes)
    assert set(codes) == ZUIDOOST_BRABANT_CODES
    assert seed.HELMOND_DE_PEEL < set(codes)


def test_there_is_one_samenwerkingsverband_per_leerroute_led_by_eindhoven() -> None:
    assert sorted(v.leerroute for v in seed.VERBANDEN) == sorted(Leerroute)
    for verband in seed.VERBANDEN:
        assert verband.lead_gemeentecode == "GM0772"
        assert verband.lead_gemeentecode in verband.leden


def test_not_every_gemeente_is_in_every_leerroutes_samenwerkingsverband() -> None:
    regio = set(seed.ZUIDOOST_BRABANT)
    assert seed.B1_ROUTE.leden == regio
    assert seed.Z_ROUTE.leden < regio
    assert len(seed.Z_ROUTE.leden) == 15
    assert not regio <= seed.ONDERWIJSROUTE.leden
    assert seed.ONDERWIJSROUTE.leden == {"GM0772", "GM0855", "GM0758", "GM0796", "GM0794"}


def test_aanbieders_have_unique_8_digit_kvk_numbers_and_one_is_suspended() -> None:
    kvks = [a.kvk for a in seed.AANBIEDERS]
    assert len(set(kvks)) == len(kvks) >= 3
    assert all(re.fullmatch(r"\d{8}", kvk) for kvk in kvks)
    statuses = [a.keurmerk_status for a in seed.AANBIEDERS]
    assert KeurmerkStatus.GESCHORST in statuses
    assert any(c.aanbieder.keurmerk_status is KeurmerkStatus.GESCHORST for c in seed.CONTRACTEN)


def test_every_leerroute_has_a_contract_with_capacity_at_a_provider_that_may_deliver_it() -> None:
    for verband in seed.VERBANDEN:
        leverbaar = [
            c
            for c in seed.CONTRACTEN
            if c.verband == verband
            and c.capaciteit > 0
            and (
                c.aanbieder.taalschakel
                if verband.leerroute is Leerroute.ONDERWIJSROUTE
                else c.aanbieder.keurmerk_status is KeurmerkStatus.GELDIG
            )
        ]
        assert leverbaar, verband.naam


def test_ids_are_distinct_and_the_same_on_every_run() -> None:
    ids = [v.id for v in seed.VERBANDEN] + [a.id for a in seed.AANBIEDERS]
    ids += [c.id for c in seed.CONTRACTEN]
    assert len(set(ids)) == len(ids)
    # Literal values: a changed namespace or naming scheme would orphan existing demo data.
    assert str(seed.B1_ROUTE.id) == "ad65332b-c875-5ad1-aba3-ffd9f3272cef"
    assert str(seed.KEMPEN.id) == "1912bf9f-4e71-57f1-aaa8-f4ad8122a99d"


def test_demo_provider_locations_are_gemeenten_of_the_region() -> None:
    locaties = {code for a in seed.AANBIEDERS for code in a.locaties}
    assert locaties and locaties <= set(seed.ZUIDOOST_BRABANT)
