"""Platform path: UnitOfWork + Outbox -> running Relay -> shared Consumer + Inbox, two databases."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, ConsumerRecord
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from backbone_bench.config import (
    Config,
    Schema,
    bench_settings,
    event_model,
    make_schema,
    sample_events,
)
from backbone_bench.fixtures import (
    engines,
    fresh_databases,
    poll_until,
    stop_tasks,
    wait_for_assignment,
)
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.messaging import (
    Consumer,
    Envelope,
    HandlerRegistry,
    Inbox,
    Outbox,
    Relay,
    broker,
    dead_letter_topic,
)
from inburgering.shared.persistence import UnitOfWork, session_factory


class TimedRelay(Relay):
    """Notes when the first publishing batch started and the last one committed."""

    first_at: float | None = None
    last_at: float | None = None

    async def publish_batch(self) -> int:
        started = time.perf_counter()
        published = await super().publish_batch()
        if published:
            self.first_at = self.first_at or started
            self.last_at = time.perf_counter()
        return published


class TimedConsumer(Consumer):
    """Notes when the first record's handling started and the last one's ended."""

    first_at: float | None = None
    last_at: float | None = None

    async def handle_batch(self, records: Sequence[ConsumerRecord]) -> None:
        self.first_at = self.first_at or time.perf_counter()
        await super().handle_batch(records)
        self.last_at = time.perf_counter()


@dataclass
class PlatformRun:
    end_to_end_eps: float  # first commit until the last state row is visible
    commit_eps: float  # writers committing N events
    relay_eps: float  # first to last published batch
    consumer_eps: float  # first record handled to last
    relay_lag_seconds: float  # last publish after the last commit
    consumer_lag_seconds: float  # last state row after the last commit
    delivered: int
    distinct: int
    ids_match: bool
    dead_lettered: int


class PlatformRig:
    """Two databases, a relay and a consumer whose group is joined: ready to be timed."""

    def __init__(self, config: Config, schema: Schema, topic: str) -> None:
        self.config = config
        self.schema = schema
        self.topic = topic
        self.model = event_model(topic)
        self.events = sample_events(self.model, config.events)
        # Set by open():
        self.producer_db: AsyncEngine
        self.consumer_db: AsyncEngine
        self.kafka: AIOKafkaConsumer
        self.relay: TimedRelay
        self.consumer: TimedConsumer
        self.outbox: Outbox
        self.consumer_outbox: Outbox
        self.writer_sessions: async_sessionmaker[AsyncSession]
        self.consumer_sessions: async_sessionmaker[AsyncSession]

    @classmethod
    @contextlib.asynccontextmanager
    async def open(cls, bootstrap: str, config: Config) -> AsyncIterator[PlatformRig]:
        settings = bench_settings(bootstrap, config.partitions)
        rig = cls(config, make_schema(), f"bench.platform.{uuid.uuid4().hex[:10]}")
        consumer_name = f"{settings.service_name}.inbox"
        await broker.ensure_topics(settings, [rig.topic, dead_letter_topic(consumer_name)])
        async with (
            fresh_databases(config.database, 2) as urls,
            engines(urls, rig.schema) as (rig.producer_db, rig.consumer_db),
        ):
            # One producer for relay and dead letters, as the service runtime has.
            producer = broker.make_producer(settings)
            rig.kafka = broker.make_consumer(settings, consumer_name, [rig.topic])
            rig.outbox = Outbox(rig.schema.outbox, settings.service_name)
            rig.consumer_outbox = Outbox(rig.schema.outbox, "bench-consumer")
            rig.writer_sessions = session_factory(rig.producer_db)
            rig.consumer_sessions = session_factory(rig.consumer_db)
            rig.relay = TimedRelay(
                rig.producer_db,
                rig.schema.outbox,
                producer,
                service_name=settings.service_name,
                source=settings.event_source,
                batch_size=settings.relay_batch_size,
                poll_seconds=settings.relay_poll_seconds,
            )
            rig.consumer = TimedConsumer(
                consumer_name,
                rig.registry(),
                rig.consumer_uow,
                Inbox(rig.schema.inbox, consumer_name),
                producer,
            )
            try:
                await producer.start()
                await rig.kafka.start()
                await wait_for_assignment(rig.kafka, config.deadline_seconds)
                await producer.partitions_for(rig.topic)
                yield rig
            finally:
                await rig.kafka.stop()
                await producer.stop()

    def registry(self) -> HandlerRegistry:
        state = self.schema.state

        async def apply(uow: UnitOfWork, event: IntakeAfgerond, envelope: Envelope) -> None:
            await uow.session.execute(
                insert(state).values(
                    event_id=envelope.id,
                    intake_id=event.intake_id,
                    gemeentecode=event.gemeentecode,
                    handled_at=datetime.now(UTC),
                )
            )

        registry = HandlerRegistry()
        registry.register(self.model, apply)
        return registry

    def consumer_uow(self) -> UnitOfWork:
        return UnitOfWork(self.consumer_sessions, self.consumer_outbox)

    async def _write(self, share: Sequence[IntakeAfgerond]) -> None:
        for event in share:
            # As the service runtime does: a commit wakes the relay in-process too.
            uow = UnitOfWork(self.writer_sessions, self.outbox, on_commit=self.relay.wake.set)
            async with uow:
                await uow.publish(event)
                await uow.commit()

    async def _state_rows(self) -> int:
        if self.consumer.handled_total < self.config.events:
            return self.consumer.handled_total  # no query while the count cannot be reached
        async with self.consumer_db.connect() as conn:
            query = select(func.count()).select_from(self.schema.state)
            return int((await conn.execute(query)).scalar_one())

    async def run(self) -> PlatformRun:
        config, relay, consumer = self.config, self.relay, self.consumer
        stop = asyncio.Event()
        tasks = [
            asyncio.create_task(relay.run(stop), name="relay"),
            asyncio.create_task(consumer.run(self.kafka, stop), name="consumer"),
        ]
        try:
            writers = config.writers
            start = time.perf_counter()
            await asyncio.gather(*(self._write(self.events[i::writers]) for i in range(writers)))
            committed = time.perf_counter()
            await poll_until(
                self._state_rows, lambda n: n >= config.events, config.deadline_seconds, tasks
            )
            visible = time.perf_counter()
        finally:
            await stop_tasks(stop, tasks)
        delivered, distinct, ids_match = await self._verify()
        assert relay.first_at and relay.last_at and consumer.first_at and consumer.last_at
        return PlatformRun(
            end_to_end_eps=config.events / (visible - start),
            commit_eps=config.events / (committed - start),
            relay_eps=relay.published_total / (relay.last_at - relay.first_at),
            consumer_eps=consumer.handled_total / (consumer.last_at - consumer.first_at),
            relay_lag_seconds=max(0.0, relay.last_at - committed),
            consumer_lag_seconds=max(0.0, visible - committed),
            delivered=delivered,
            distinct=distinct,
            ids_match=ids_match,
            dead_lettered=consumer.dead_lettered_total,
        )

    async def _verify(self) -> tuple[int, int, bool]:
        """State rows, distinct event ids among them, and whether they are the outbox's ids."""
        state, outbox = self.schema.state, self.schema.outbox
        async with self.consumer_db.connect() as conn:
            counts = select(func.count(), func.count(func.distinct(state.c.event_id)))
            delivered, distinct = (await conn.execute(counts)).one()
            handled = set((await conn.execute(select(state.c.event_id))).scalars())
        async with self.producer_db.connect() as conn:
            written = {str(i) for i in (await conn.execute(select(outbox.c.id))).scalars()}
        return (
            int(delivered),
            int(distinct),
            handled == written and len(written) == self.config.events,
        )


async def measure_platform(bootstrap: str, config: Config) -> PlatformRun:
    async with PlatformRig.open(bootstrap, config) as rig:
        return await rig.run()
