"""The same use cases on the embedded SQLite database used for local development."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date, timedelta
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager

from inburgering.routes.bootstrap import build_parts
from inburgering.routes.domain.kalender import begin_van_dag
from inburgering.routes.handlers.uren import erkende_nt2_uren
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.runtime import ServiceRuntime

from .conftest import pip_vastgesteld, scheduler, uren_mijlpaal


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


async def test_termijn_hours_and_timers_work_on_sqlite(tmp_path: Path, envelope_for) -> None:
    runtime = ServiceRuntime(
        build_parts(RoutesSettings(data_dir=tmp_path, kafka_create_topics=False, roles="api"))
    )
    persoon, plaatsing = uuid.uuid4(), uuid.uuid4()

    async def deliver(event) -> None:
        registration = runtime.parts.handlers.get(event.event_type())
        async with runtime.uow() as uow:
            await registration.handler(uow, event, envelope_for(event))
            await uow.commit()

    try:
        await runtime.migrate()
        await deliver(pip_vastgesteld(persoon, date(2026, 11, 20)))
        await deliver(pip_vastgesteld(persoon, date(2027, 1, 5)))
        for uren in (410.0, 380.0, 605.5):
            await deliver(uren_mijlpaal(persoon, uren, plaatsing_id=plaatsing))
        async with runtime.uow() as uow:
            totaal = await erkende_nt2_uren(uow, persoon)
        na_het_einde = begin_van_dag(date(2029, 11, 22))
        fired = await scheduler(runtime, na_het_einde).fire_due()
        again = await scheduler(runtime, na_het_einde + timedelta(days=1)).fire_due()
    finally:
        await runtime.engine.dispose()

    assert totaal == 605.5
    assert (fired, again) == (3, 0)
