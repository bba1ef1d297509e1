"""The same advice and decision on the embedded SQLite database used for local development."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager

from inburgering.routes.bootstrap import build_parts
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.runtime import ServiceRuntime


async def test_advice_and_decision_work_on_sqlite(
    tmp_path: Path, make_event, envelope_for, auth
) -> None:
    runtime = ServiceRuntime(
        build_parts(RoutesSettings(data_dir=tmp_path, kafka_create_topics=False, roles="api"))
    )
    event = make_event()
    registration = runtime.parts.handlers.get(event.event_type())

    async def deliver() -> None:
        async with runtime.uow() as uow:
            await registration.handler(uow, event, envelope_for(event))
            await uow.commit()

    try:
        async with LifespanManager(runtime.create_app()) as manager:  # migrates on start
            await asyncio.gather(deliver(), deliver())
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=manager.app), base_url="http://routes/v1"
            ) as client:
                lijst = await client.get(
                    "/leerroute-adviezen",
                    params={"inburgeraarId": str(event.inburgeraar_id)},
                    headers=auth(),
                )
                [advies] = lijst.json()
                besluit = await client.post(
                    f"/leerroute-adviezen/{advies['id']}/vaststellen", json={}, headers=auth()
                )
    finally:
        await runtime.engine.dispose()

    assert besluit.status_code == 200, besluit.text
    assert besluit.json()["vastgesteldeLeerroute"] == "b1-route"
    assert besluit.json()["uitleg"] == advies["uitleg"]
