"""The embedded SQLite database (development without PostgreSQL) allocates the same way."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from sqlalchemy import select, update

from inburgering.contracts.adapters.tables import (
    contract,
    outbox_message,
    plaatsing,
    samenwerkingsverband,
)
from inburgering.contracts.handlers import when_leerroute_vastgesteld_vraag_plaatsing_aan
from inburgering.shared.auth import Rol


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


async def test_sqlite_runs_the_provider_portal_and_counts_milestones(
    sqlite_runtime, bouw_regio, vastgesteld, auth
) -> None:
    runtime = sqlite_runtime
    regio = await bouw_regio(runtime)
    async with runtime.uow() as uow:
        await when_leerroute_vastgesteld_vraag_plaatsing_aan(uow, *vastgesteld(regio.lid))
        await uow.commit()
    transport = httpx.ASGITransport(app=runtime.create_app())
    eigen = auth(Rol.AANBIEDER, kvk=regio.kvk_geldig)
    start = date.today() - timedelta(days=30)
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as api:
        [rij] = (await api.get("/plaatsingen", headers=eigen)).json()
        pad = f"/plaatsingen/{rij['id']}"
        assert (await api.post(f"{pad}/acceptatie", headers=eigen)).status_code == 200
        gestart = await api.post(
            f"{pad}/start", json={"startdatum": start.isoformat()}, headers=eigen
        )
        assert gestart.status_code == 200
        for dag in range(17):
            body = {
                "datum": (start + timedelta(days=dag)).isoformat(),
                "aanwezigUren": "23.5",
                "afwezigUren": "0.5",
                "afwezigheid": "geoorloofd",
            }
            response = await api.post(f"{pad}/aanwezigheid", json=body, headers=eigen)
            assert response.status_code == 201, response.text
    assert response.json() == {
        "urenAanwezig": 399.5,
        "urenGeoorloofdAfwezig": 8.5,
        "urenOngeoorloofdAfwezig": 0.0,
        "mijlpalen": [],
    }
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as api:
        body = {"datum": (start + timedelta(days=17)).isoformat(), "aanwezigUren": "0.5"}
        response = await api.post(f"{pad}/aanwezigheid", json=body, headers=eigen)
    assert response.json()["mijlpalen"] == [400]
    async with runtime.uow() as uow:
        soorten = (await uow.session.execute(select(outbox_message.c.event_type))).scalars().all()
    assert soorten.count("nl.inburgering.urenmijlpaal-bereikt") == 1


async def test_sqlite_rotates_over_the_contracts_and_remembers_where_it_stood(
    sqlite_runtime, bouw_regio, vastgesteld
) -> None:
    runtime = sqlite_runtime
    regio = await bouw_regio(runtime)
    async with runtime.uow() as uow:
        s = uow.session
        # The full contract gets room, so two contracts take turns.
        await s.execute(
            update(contract).where(contract.c.id == regio.contract_ander).values(capaciteit=5)
        )
        await s.execute(update(samenwerkingsverband).values(toewijzingsbeleid="rotatie"))
        await uow.commit()
    for _ in range(4):
        async with runtime.uow() as uow:
            await when_leerroute_vastgesteld_vraag_plaatsing_aan(uow, *vastgesteld(regio.lid))
            await uow.commit()
    async with runtime.uow() as uow:
        gekozen = (
            (
                await uow.session.execute(
                    select(plaatsing.c.contract_id).order_by(plaatsing.c.aangevraagd_at)
                )
            )
            .scalars()
            .all()
        )
    kring = sorted([regio.contract_geldig, regio.contract_ander])
    assert gekozen == kring + kring
