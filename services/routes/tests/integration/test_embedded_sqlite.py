"""The same use cases on the embedded SQLite database used for local development."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager

from inburgering.routes.bootstrap import build_parts
from inburgering.routes.domain.kalender import begin_van_dag
from inburgering.routes.handlers.uren import erkende_nt2_uren
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.events.vocabulary import Ambitie
from inburgering.shared.runtime import ServiceRuntime

from .conftest import (
    NU,
    Klok,
    pip_vastgesteld,
    samenwerkingsverband_gewijzigd,
    scheduler,
    uren_mijlpaal,
)


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


async def test_samenwerkingsverband_versions_and_their_policy_work_on_sqlite(
    tmp_path: Path, make_event, envelope_for, auth
) -> None:
    runtime = ServiceRuntime(
        build_parts(
            RoutesSettings(data_dir=tmp_path, kafka_create_topics=False, roles="api"),
            clock=Klok(NU),
        )
    )
    verband_id = uuid.uuid4()
    sinds = date(2026, 1, 1)
    versie_2 = samenwerkingsverband_gewijzigd(
        verband_id,
        leden={"GM0772": (sinds, None), "GM0796": (sinds, date(2026, 12, 10))},
        versie=2,
    )
    versie_1 = samenwerkingsverband_gewijzigd(verband_id, leden={"GM0772": (sinds, None)}, versie=1)
    lid, vertrokken = (
        make_event(gemeentecode="GM0796", ambitie=Ambitie.HBO, leeftijd=30) for _ in range(2)
    )

    async def deliver(event, at: datetime | None = None) -> None:
        registration = runtime.parts.handlers.get(event.event_type())
        async with runtime.uow() as uow:
            await registration.handler(uow, event, envelope_for(event, at))
            await uow.commit()

    async def advies_van(client: httpx.AsyncClient, event) -> dict:
        [advies] = (
            await client.get(
                "/leerroute-adviezen",
                params={"inburgeraarId": str(event.inburgeraar_id)},
                headers=auth("GM0796"),
            )
        ).json()
        return advies

    try:
        async with LifespanManager(runtime.create_app()) as manager:  # migrates on start
            await asyncio.gather(deliver(versie_2), deliver(versie_2))
            await deliver(versie_1)
            await deliver(versie_2.model_copy(update={"benaming": "Anders", "leden": []}))
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=manager.app), base_url="http://routes/v1"
            ) as client:
                gezet = await client.post(
                    f"/samenwerkingsverbanden/{verband_id}/beleid",
                    json={"onderwijsrouteMaxLeeftijd": 32, "ingangsdatum": "2026-12-01"},
                    headers=auth("GM0772"),
                )
                await deliver(lid, at=datetime(2026, 12, 9, 12, 0, tzinfo=UTC))
                await deliver(vertrokken, at=datetime(2026, 12, 10, 12, 0, tzinfo=UTC))
                toen, daarna = await advies_van(client, lid), await advies_van(client, vertrokken)
    finally:
        await runtime.engine.dispose()

    assert gezet.status_code == 201, gezet.text
    assert (gezet.json()["versie"], gezet.json()["naam"], gezet.json()["gemeentecodes"]) == (
        2,
        "Zuidoost-Brabant",
        ["GM0772", "GM0796"],
    )
    assert (toen["beleid"]["bron"], toen["beleid"]["samenwerkingsverbandId"]) == (
        "samenwerkingsverband",
        str(verband_id),
    )
    assert daarna["beleid"]["bron"] == "standaard"
