from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from inburgering.contracts.adapters.tables import contract, outbox_message, plaatsing
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.runtime import ServiceRuntime

pytestmark = pytest.mark.integration

AANGEVRAAGD = "nl.inburgering.plaatsing-aangevraagd"
UITGEPUT = "nl.inburgering.capaciteit-uitgeput"


async def plaatsingen(runtime: ServiceRuntime) -> list:
    async with runtime.uow() as uow:
        result = await uow.session.execute(select(plaatsing).order_by(plaatsing.c.aangevraagd_at))
        return list(result.mappings().all())


async def outbox(runtime: ServiceRuntime) -> list:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(outbox_message).order_by(outbox_message.c.position)
        )
        return list(result.mappings().all())


async def geplaatst(runtime: ServiceRuntime, contract_id) -> int:
    async with runtime.uow() as uow:
        query = select(contract.c.geplaatst).where(contract.c.id == contract_id)
        return (await uow.session.execute(query)).scalar_one()


async def test_a_member_gemeente_gets_a_placement_at_a_provider_with_a_valid_keurmerk(
    runtime, regio, vastgesteld, verwerk
) -> None:
    event, envelope = vastgesteld(regio.lid)
    await verwerk(event, envelope)

    [rij] = await plaatsingen(runtime)
    assert rij["status"] == "aangevraagd"
    assert rij["contract_id"] == regio.contract_geldig
    assert rij["inburgeraar_id"] == event.inburgeraar_id
    assert rij["leerroute_besluit_id"] == event.advies_id
    assert rij["samenwerkingsverband_id"] == regio.verband_id
    assert await geplaatst(runtime, regio.contract_geldig) == 1
    assert await geplaatst(runtime, regio.contract_geschorst) == 0

    [bericht] = await outbox(runtime)
    assert bericht["event_type"] == AANGEVRAAGD
    assert bericht["topic"] == "contracts.plaatsing"
    assert bericht["gemeentecode"] == regio.lid
    assert bericht["aggregate_id"] == str(event.inburgeraar_id)
    assert bericht["payload"] == {
        "plaatsingId": str(rij["id"]),
        "inburgeraarId": str(event.inburgeraar_id),
        "gemeentecode": regio.lid,
        "leerroute": "b1-route",
        "contractId": str(regio.contract_geldig),
        "aanbiederKvk": regio.kvk_geldig,
    }


async def test_a_gemeente_outside_the_leerroutes_samenwerkingsverband_goes_on_the_waiting_list(
    runtime, regio, vastgesteld, verwerk
) -> None:
    event, envelope = vastgesteld(regio.buitenstaander)
    await verwerk(event, envelope)

    [rij] = await plaatsingen(runtime)
    assert rij["status"] == "wachtlijst"
    assert rij["contract_id"] is None and rij["aanbieder_id"] is None
    [bericht] = await outbox(runtime)
    assert bericht["event_type"] == UITGEPUT
    assert bericht["gemeentecode"] == regio.buitenstaander
    assert bericht["payload"]["plaatsingId"] == str(rij["id"])
    assert bericht["payload"]["samenwerkingsverbandId"] is None
    assert bericht["payload"]["leadGemeentecode"] is None


async def test_a_leerroute_without_contracts_puts_even_a_member_on_the_waiting_list(
    runtime, regio, vastgesteld, verwerk
) -> None:
    event, envelope = vastgesteld(regio.lid, Leerroute.Z_ROUTE)
    await verwerk(event, envelope)
    [rij] = await plaatsingen(runtime)
    assert rij["status"] == "wachtlijst"
    assert [b["event_type"] for b in await outbox(runtime)] == [UITGEPUT]


async def test_when_the_contracts_are_full_the_lead_gemeente_is_named(
    runtime, regio, vastgesteld, verwerk
) -> None:
    for _ in range(5):
        await verwerk(*vastgesteld(regio.lid))
    event, envelope = vastgesteld(regio.lid)
    await verwerk(event, envelope)

    rijen = await plaatsingen(runtime)
    assert [r["status"] for r in rijen] == ["aangevraagd"] * 5 + ["wachtlijst"]
    assert rijen[-1]["samenwerkingsverband_id"] == regio.verband_id
    laatste = (await outbox(runtime))[-1]
    assert laatste["event_type"] == UITGEPUT
    assert laatste["payload"]["samenwerkingsverbandId"] == str(regio.verband_id)
    assert laatste["payload"]["leadGemeentecode"] == regio.lead
    assert await geplaatst(runtime, regio.contract_geschorst) == 0


async def test_the_same_decision_delivered_again_changes_nothing(
    runtime, regio, vastgesteld, verwerk
) -> None:
    event, envelope = vastgesteld(regio.lid)
    await verwerk(event, envelope)
    await verwerk(event, envelope)
    # Redelivered under a new event id (e.g. republished): still the same decision.
    _, herhaald = vastgesteld(regio.lid)
    await verwerk(event, herhaald)

    assert len(await plaatsingen(runtime)) == 1
    assert len(await outbox(runtime)) == 1
    assert await geplaatst(runtime, regio.contract_geldig) == 1


async def test_concurrent_deliveries_of_one_decision_make_one_placement(
    runtime, regio, vastgesteld, verwerk
) -> None:
    event, envelope = vastgesteld(regio.lid)
    await asyncio.gather(*(verwerk(event, envelope) for _ in range(5)))
    assert len(await plaatsingen(runtime)) == 1
    assert len(await outbox(runtime)) == 1
    assert await geplaatst(runtime, regio.contract_geldig) == 1


async def test_capacity_is_never_overbooked_by_concurrent_allocations(
    runtime, regio, vastgesteld, verwerk
) -> None:
    events = [vastgesteld(regio.lid) for _ in range(20)]
    await asyncio.gather(*(verwerk(event, envelope) for event, envelope in events))

    rijen = await plaatsingen(runtime)
    assert len(rijen) == 20
    aangevraagd = [r for r in rijen if r["status"] == "aangevraagd"]
    assert len(aangevraagd) == 5
    assert {r["contract_id"] for r in aangevraagd} == {regio.contract_geldig}
    assert sum(r["status"] == "wachtlijst" for r in rijen) == 15
    assert await geplaatst(runtime, regio.contract_geldig) == 5
    assert await geplaatst(runtime, regio.contract_geschorst) == 0
    soorten = [b["event_type"] for b in await outbox(runtime)]
    assert soorten.count(AANGEVRAAGD) == 5
    assert soorten.count(UITGEPUT) == 15
    async with runtime.uow() as uow:
        per_contract = await uow.session.execute(
            select(plaatsing.c.contract_id, func.count()).group_by(plaatsing.c.contract_id)
        )
        assert dict(per_contract.all()) == {regio.contract_geldig: 5, None: 15}


async def test_sixty_concurrent_allocations_place_exactly_the_capacity_and_warn_once(
    runtime, bouw_regio, vastgesteld, verwerk
) -> None:
    regio = await bouw_regio(runtime, capaciteit=20)
    events = [vastgesteld(regio.lid) for _ in range(60)]
    await asyncio.gather(*(verwerk(event, envelope) for event, envelope in events))

    rijen = await plaatsingen(runtime)
    assert len(rijen) == 60
    assert sum(r["status"] == "aangevraagd" for r in rijen) == 20
    assert sum(r["status"] == "wachtlijst" for r in rijen) == 40
    assert await geplaatst(runtime, regio.contract_geldig) == 20
    berichten = await outbox(runtime)
    soorten = [b["event_type"] for b in berichten]
    assert soorten.count(AANGEVRAAGD) == 20
    assert soorten.count(UITGEPUT) == 40
    # 90% of 20 is reached by exactly one claim, the eighteenth, whoever won it.
    [bijna] = [b for b in berichten if b["event_type"].endswith("capaciteit-bijna-uitgeput")]
    assert bijna["gemeentecode"] == regio.lead
    assert bijna["aggregate_id"] == str(regio.contract_geldig)
    assert bijna["payload"] == {
        "contractId": str(regio.contract_geldig),
        "samenwerkingsverbandId": str(regio.verband_id),
        "leadGemeentecode": regio.lead,
        "leerroute": "b1-route",
        "aanbiederKvk": regio.kvk_geldig,
        "capaciteit": 20,
        "geplaatst": 18,
        "drempelProcent": 90,
    }
