"""Durable timers fire once, through the outbox, across restarts and concurrent schedulers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inburgering.shared.messaging import Outbox, outbox_table
from inburgering.shared.persistence import UnitOfWork, create_engine, make_metadata
from inburgering.shared.persistence.database import session_factory
from inburgering.shared.scheduling import Timer, TimerRegistry, Timers, TimerScheduler, timer_table
from inburgering.shared.testing.postgres import create_database, drop_database
from shared.tests.integration.backbone import event_on

pytestmark = pytest.mark.integration

metadata = make_metadata()
OUTBOX = outbox_table(metadata)
TIMER = timer_table(metadata)
Herinnering = event_on("proef.timers", "termijn-nadert")
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class Harness:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self.sessions = session_factory(self.engine)
        self.timers = Timers(TIMER)
        self.registry = TimerRegistry(TIMER)
        self.now = NOW
        self.registry.register("nadert", self._publish)

    async def _publish(self, uow: UnitOfWork, timer: Timer) -> None:
        await uow.publish(
            Herinnering(
                dossier_id=timer.aggregate_id,
                gemeentecode="GM0772",
                volgnummer=timer.payload["volgnummer"],
            )
        )

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, Outbox(OUTBOX, "proef"))

    def scheduler(self) -> TimerScheduler:
        return TimerScheduler(self.registry, self.uow, clock=lambda: self.now)

    async def schedule(self, aggregate: str, due: datetime, **kwargs: object) -> None:
        async with self.uow() as uow:
            await self.timers.schedule(
                uow.session,
                name="nadert",
                aggregate_id=aggregate,
                due_at=due,
                payload={"volgnummer": 1},
                **kwargs,  # type: ignore[arg-type]
            )
            await uow.commit()

    async def published(self) -> list[str]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(select(OUTBOX.c.aggregate_id).order_by(OUTBOX.c.position))
            return [row[0] for row in rows]


@pytest.fixture(params=["postgres", "sqlite"])
async def harness(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    postgres = request.param == "postgres"
    url = await create_database() if postgres else f"sqlite+aiosqlite:///{tmp_path / 'timers.db'}"
    harness = Harness(url)
    async with harness.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield harness
    await harness.engine.dispose()
    if postgres:
        await drop_database(url)


async def test_a_due_timer_fires_once_and_a_future_one_waits(harness: Harness) -> None:
    await harness.schedule("a", NOW - timedelta(minutes=1))
    await harness.schedule("b", NOW + timedelta(days=1))

    assert await harness.scheduler().fire_due() == 1
    assert await harness.scheduler().fire_due() == 0  # a fresh scheduler, as after a restart
    assert await harness.published() == ["a"]

    harness.now = NOW + timedelta(days=2)
    assert await harness.scheduler().fire_due() == 1
    assert await harness.published() == ["a", "b"]


async def test_moving_a_pending_timer_changes_when_it_fires(harness: Harness) -> None:
    await harness.schedule("a", NOW - timedelta(hours=1))
    await harness.schedule("a", NOW + timedelta(hours=1))

    assert await harness.scheduler().fire_due() == 0
    harness.now = NOW + timedelta(hours=2)
    assert await harness.scheduler().fire_due() == 1


async def test_a_fired_timer_refires_only_when_rearmed(harness: Harness) -> None:
    await harness.schedule("a", NOW - timedelta(hours=1))
    await harness.scheduler().fire_due()

    await harness.schedule("a", NOW - timedelta(minutes=5))
    assert await harness.scheduler().fire_due() == 0
    await harness.schedule("a", NOW - timedelta(minutes=5), rearm=True)
    assert await harness.scheduler().fire_due() == 1
    assert await harness.published() == ["a", "a"]


async def test_a_cancelled_timer_never_fires(harness: Harness) -> None:
    await harness.schedule("a", NOW - timedelta(hours=1))
    async with harness.uow() as uow:
        await harness.timers.cancel(uow.session, name="nadert", aggregate_id="a")
        await uow.commit()

    assert await harness.scheduler().fire_due() == 0
    assert await harness.published() == []


async def test_a_failing_handler_publishes_nothing_and_holds_up_no_other_timer(
    harness: Harness,
) -> None:
    async def explode(uow: UnitOfWork, timer: Timer) -> None:
        await uow.publish(
            Herinnering(dossier_id=timer.aggregate_id, gemeentecode="GM0772", volgnummer=0)
        )
        raise RuntimeError("halfway")

    harness.registry.register("kapot", explode)
    async with harness.uow() as uow:
        await harness.timers.schedule(
            uow.session, name="kapot", aggregate_id="x", due_at=NOW - timedelta(hours=2)
        )
        await uow.commit()
    await harness.schedule("a", NOW - timedelta(hours=1))

    assert await harness.scheduler().fire_due() == 1
    assert await harness.published() == ["a"]
    async with harness.engine.connect() as conn:
        pending = await conn.execute(
            select(func.count()).where(TIMER.c.fired_at.is_(None), TIMER.c.name == "kapot")
        )
        assert pending.scalar_one() == 1


async def test_concurrent_schedulers_fire_each_timer_once(postgres_url: str) -> None:
    harness = Harness(postgres_url)
    async with harness.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    for number in range(30):
        await harness.schedule(f"d{number}", NOW - timedelta(minutes=number))

    counts = await asyncio.gather(*(harness.scheduler().fire_due() for _ in range(4)))

    assert sum(counts) == 30
    published = await harness.published()
    assert sorted(published) == sorted(f"d{number}" for number in range(30))
    await harness.engine.dispose()
