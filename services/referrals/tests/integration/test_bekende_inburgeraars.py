"""Who exists for which gemeente, learned from routes' decisions and changes, on PostgreSQL and on
embedded SQLite: every decision counts, the latest leerroute wins, redeliveries change nothing."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inburgering.referrals.adapters.tables import inburgeraar, processed_message
from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.events.vocabulary import Ambitie, Leerroute, Opleidingsniveau
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.testing.service import migrated_runtime

from .conftest import FakeDeadLetters, consumer_of, record_of, verwerk

pytestmark = pytest.mark.integration

EINDHOVEN, TILBURG, AMSTERDAM = "GM0772", "GM0855", "GM0363"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=20)


@pytest.fixture(params=["postgres", "sqlite"])
async def dienst(request, postgres_url: str, tmp_path: Path) -> AsyncIterator[ServiceRuntime]:
    url = postgres_url if request.param == "postgres" else f"sqlite+aiosqlite:///{tmp_path}/r.db"
    parts = build_parts(ReferralsSettings(database_url=url, kafka_create_topics=False))
    runtime = await migrated_runtime(parts)
    assert parts.seed is not None
    async with runtime.uow() as uow:
        await parts.seed(uow)
        await uow.commit()
    yield runtime
    await runtime.engine.dispose()


async def bekend(runtime: ServiceRuntime, inburgeraar_id: uuid.UUID) -> dict | None:
    async with runtime.engine.connect() as conn:
        result = await conn.execute(select(inburgeraar).where(inburgeraar.c.id == inburgeraar_id))
        row = result.mappings().first()
    if row is None:
        return None
    gezien = dict(row)
    for kolom in ("bekend_sinds_at", "leerroute_sinds_at"):
        # SQLite gives the stored UTC wall time back without its zone.
        moment = gezien[kolom]
        gezien[kolom] = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return gezien


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({}, id="onderwijsroute-hbo-proposed"),
        pytest.param({"leerroute": Leerroute.B1_ROUTE}, id="b1-route"),
        pytest.param({"leerroute": Leerroute.Z_ROUTE}, id="z-route"),
        pytest.param({"ambitie": Ambitie.WERK}, id="werk-ambitie"),
        pytest.param({"gemeentecode": AMSTERDAM}, id="outside-network"),
    ],
)
async def test_every_decision_makes_the_person_known_for_its_gemeente(
    dienst, besluit, envelope_for, overrides
):
    event = besluit(opleidingsniveau=Opleidingsniveau.MBO, **overrides)

    await verwerk(dienst, event, envelope_for(event, T0))

    assert await bekend(dienst, event.inburgeraar_id) == {
        "id": event.inburgeraar_id,
        "gemeentecode": event.gemeentecode,
        "leerroute": str(event.leerroute),
        "opleidingsniveau": "mbo",
        "bekend_sinds_at": T0,
        "leerroute_sinds_at": T0,
    }


async def test_a_decision_delivered_twice_at_once_leaves_one_person(dienst, besluit, envelope_for):
    event = besluit(leerroute=Leerroute.B1_ROUTE)

    # Two deliveries under different event ids, as after a republish: the inbox cannot help.
    await asyncio.gather(
        verwerk(dienst, event, envelope_for(event, T0)),
        verwerk(dienst, event, envelope_for(event, T0)),
    )

    async with dienst.engine.connect() as conn:
        aantal = await conn.scalar(select(func.count()).select_from(inburgeraar))
    assert aantal == 1
    assert (await bekend(dienst, event.inburgeraar_id))["leerroute"] == "b1-route"


async def test_the_known_leerroute_follows_a_change_and_a_redelivery_changes_nothing(
    dienst, besluit, wijziging, envelope_for
):
    besloten = besluit(opleidingsniveau=Opleidingsniveau.HBO, leerroute=Leerroute.ONDERWIJSROUTE)
    gewijzigd = wijziging(
        inburgeraar_id=besloten.inburgeraar_id,
        advies_id=besloten.advies_id,
        leerroute=Leerroute.B1_ROUTE,
    )
    await verwerk(dienst, besloten, envelope_for(besloten, T0))

    await verwerk(dienst, gewijzigd, envelope_for(gewijzigd, T1))
    na_wijziging = await bekend(dienst, besloten.inburgeraar_id)
    await verwerk(dienst, gewijzigd, envelope_for(gewijzigd, T1))

    assert na_wijziging == {
        "id": besloten.inburgeraar_id,
        "gemeentecode": EINDHOVEN,
        "leerroute": "b1-route",
        # A change does not carry the intake's level: the decision's stays.
        "opleidingsniveau": "hbo",
        "bekend_sinds_at": T0,
        "leerroute_sinds_at": T1,
    }
    assert await bekend(dienst, besloten.inburgeraar_id) == na_wijziging


async def test_an_older_decision_delivered_late_does_not_undo_a_change(
    dienst, besluit, wijziging, envelope_for
):
    besloten = besluit(leerroute=Leerroute.ONDERWIJSROUTE)
    gewijzigd = wijziging(inburgeraar_id=besloten.inburgeraar_id, leerroute=Leerroute.Z_ROUTE)

    await verwerk(dienst, gewijzigd, envelope_for(gewijzigd, T1))
    await verwerk(dienst, besloten, envelope_for(besloten, T0))

    gezien = await bekend(dienst, besloten.inburgeraar_id)
    assert (gezien["leerroute"], gezien["leerroute_sinds_at"]) == ("z-route", T1)


async def test_a_change_makes_someone_known_whose_decision_was_never_seen(
    dienst, wijziging, envelope_for
):
    gewijzigd = wijziging(gemeentecode=TILBURG, leerroute=Leerroute.B1_ROUTE)

    await verwerk(dienst, gewijzigd, envelope_for(gewijzigd, T1))

    gezien = await bekend(dienst, gewijzigd.inburgeraar_id)
    assert (gezien["gemeentecode"], gezien["leerroute"], gezien["opleidingsniveau"]) == (
        TILBURG,
        "b1-route",
        None,
    )


async def test_an_event_naming_another_gemeente_does_not_move_a_known_person(
    dienst, besluit, wijziging, envelope_for
):
    """The consumer parks such an event before any handler; should one get through anyway, an
    id still belongs to the gemeente it was first known for."""
    besloten = besluit(leerroute=Leerroute.B1_ROUTE)
    await verwerk(dienst, besloten, envelope_for(besloten, T0))
    vreemd = wijziging(
        inburgeraar_id=besloten.inburgeraar_id,
        gemeentecode=TILBURG,
        vorige_leerroute=Leerroute.B1_ROUTE,
        leerroute=Leerroute.Z_ROUTE,
    )

    await verwerk(dienst, vreemd, envelope_for(vreemd, T1))

    gezien = await bekend(dienst, besloten.inburgeraar_id)
    assert (gezien["gemeentecode"], gezien["leerroute"]) == (EINDHOVEN, "b1-route")


async def test_a_change_arrives_through_the_consumer_and_its_redelivery_is_ignored(
    runtime, besluit, wijziging, envelope_for
):
    dead_letters = FakeDeadLetters()
    consumer = consumer_of(runtime, dead_letters)
    besloten = besluit(leerroute=Leerroute.ONDERWIJSROUTE, ambitie=Ambitie.MBO)
    gewijzigd = wijziging(inburgeraar_id=besloten.inburgeraar_id, leerroute=Leerroute.B1_ROUTE)
    await consumer.handle(record_of(envelope_for(besloten, T0), offset=1))
    record = record_of(envelope_for(gewijzigd, T1), offset=2)
    await consumer.handle(record)
    await consumer.handle(record)

    assert dead_letters.sent == []
    assert consumer.handled_total == 2
    assert (await bekend(runtime, besloten.inburgeraar_id))["leerroute"] == "b1-route"
    async with runtime.engine.connect() as conn:
        verwerkt = await conn.scalar(select(func.count()).select_from(processed_message))
    assert verwerkt == 2
