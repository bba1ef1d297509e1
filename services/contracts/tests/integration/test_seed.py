from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from inburgering.contracts import seed
from inburgering.contracts.adapters.tables import (
    aanbieder,
    contract,
    contract_versie,
    plaatsing,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.contracts.bootstrap import build_parts
from inburgering.contracts.settings import ContractsSettings
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.runtime import ServiceRuntime

pytestmark = pytest.mark.integration

TABLES = (samenwerkingsverband, samenwerkingsverband_lid, aanbieder, contract, contract_versie)


async def tellingen(runtime: ServiceRuntime) -> dict[str, int]:
    async with runtime.uow() as uow:
        return {
            t.name: (await uow.session.execute(select(func.count()).select_from(t))).scalar_one()
            for t in TABLES
        }


async def seed_once(runtime: ServiceRuntime) -> None:
    async with runtime.uow() as uow:
        await seed.seed_demo_region(uow)
        await uow.commit()


async def test_seeding_twice_or_concurrently_loads_the_region_once(runtime) -> None:
    await asyncio.gather(seed_once(runtime), seed_once(runtime))
    await seed_once(runtime)
    leden = sum(len(v.leden) for v in seed.VERBANDEN)
    assert await tellingen(runtime) == {
        "samenwerkingsverband": 3,
        "samenwerkingsverband_lid": leden,
        "aanbieder": 4,
        "contract": 6,
        # Each demo contract starts with its first version on record.
        "contract_versie": 6,
    }
    assert leden == 21 + 15 + 5


async def test_seeding_leaves_a_database_that_has_its_own_region_alone(runtime, regio) -> None:
    voor = await tellingen(runtime)
    await seed_once(runtime)
    assert await tellingen(runtime) == voor


async def test_prepare_seeds_the_demo_region_when_enabled(postgres_url) -> None:
    settings = ContractsSettings(database_url=postgres_url, roles="api", kafka_create_topics=False)
    runtime = ServiceRuntime(build_parts(settings))
    try:
        await runtime.prepare()  # migrates (development default) and seeds
        assert (await tellingen(runtime))["samenwerkingsverband"] == 3
    finally:
        await runtime.engine.dispose()


async def test_the_demo_region_places_by_membership_and_keurmerk(
    runtime, vastgesteld, verwerk
) -> None:
    await seed_once(runtime)
    eindhoven_b1 = vastgesteld("GM0772", Leerroute.B1_ROUTE)
    helmond_z = vastgesteld("GM0794", Leerroute.Z_ROUTE)
    tilburg_onderwijs = vastgesteld("GM0855", Leerroute.ONDERWIJSROUTE)
    tilburg_b1 = vastgesteld("GM0855", Leerroute.B1_ROUTE)
    for event in (eindhoven_b1, helmond_z, tilburg_onderwijs, tilburg_b1):
        await verwerk(*event)

    async with runtime.uow() as uow:
        rows = await uow.session.execute(
            select(plaatsing.c.inburgeraar_id, plaatsing.c.status, plaatsing.c.aanbieder_id)
        )
        door = {r.inburgeraar_id: (r.status, r.aanbieder_id) for r in rows}
    geldig = {seed.KEMPEN.id, seed.PEELLAND.id}
    assert door[eindhoven_b1[0].inburgeraar_id][0] == "aangevraagd"
    assert door[eindhoven_b1[0].inburgeraar_id][1] in geldig
    # Helmond-De Peel is not in the Z-route samenwerkingsverband of the demo.
    assert door[helmond_z[0].inburgeraar_id] == ("wachtlijst", None)
    assert door[tilburg_onderwijs[0].inburgeraar_id] == ("aangevraagd", seed.SCHAKELCOLLEGE.id)
    assert door[tilburg_b1[0].inburgeraar_id] == ("wachtlijst", None)
