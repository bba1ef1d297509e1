"""The embedded SQLite database (development without PostgreSQL) allocates the same way."""

from __future__ import annotations

from sqlalchemy import select

from inburgering.contracts.adapters.tables import contract, outbox_message, plaatsing
from inburgering.contracts.handlers import when_leerroute_vastgesteld_vraag_plaatsing_aan


async def test_sqlite_places_claims_capacity_and_ignores_a_repeated_decision(
    sqlite_runtime, bouw_regio, vastgesteld
) -> None:
    runtime = sqlite_runtime
    regio = await bouw_regio(runtime)

    async def verwerk(event, envelope) -> None:
        async with runtime.uow() as uow:
            await when_leerroute_vastgesteld_vraag_plaatsing_aan(uow, event, envelope)
            await uow.commit()

    eerste = vastgesteld(regio.lid)
    await verwerk(*eerste)
    await verwerk(*eerste)
    for _ in range(5):
        await verwerk(*vastgesteld(regio.lid))

    async with runtime.uow() as uow:
        s = uow.session
        statussen = (await s.execute(select(plaatsing.c.status))).scalars().all()
        bezet = await s.execute(
            select(contract.c.geplaatst).where(contract.c.id == regio.contract_geldig)
        )
        soorten = (await s.execute(select(outbox_message.c.event_type))).scalars().all()
    assert sorted(statussen) == ["aangevraagd"] * 5 + ["wachtlijst"]
    assert bezet.scalar_one() == 5
    assert soorten.count("nl.inburgering.plaatsing-aangevraagd") == 5
    assert soorten.count("nl.inburgering.capaciteit-uitgeput") == 1
