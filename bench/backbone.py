"""Throughput of the event backbone, as ratios to raw aiokafka measured in the same run.

    uv run python bench/backbone.py [--events N] [--backlog M] [--database sqlite|postgres]

Three measurements, each repeated (median reported), interleaved so that drift of the machine
hits all of them alike:

1. baseline: raw aiokafka produces N records shaped like our CloudEvents and a consumer group
   reads them with manual commits;
2. platform: N events committed through UnitOfWork + Outbox, published by a running Relay and
   applied by the shared Consumer (inbox + one state row per event) in a second database;
3. backlog: M events already in the outbox, published by one Relay.drain().
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
    func,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from inburgering.shared import tracing
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.logging import configure_logging
from inburgering.shared.messaging import (
    Consumer,
    Envelope,
    HandlerRegistry,
    Inbox,
    Outbox,
    Relay,
    broker,
    dead_letter_topic,
    inbox_table,
    outbox_table,
)
from inburgering.shared.persistence import (
    UnitOfWork,
    create_engine,
    make_metadata,
    session_factory,
)
from inburgering.shared.settings import BaseServiceSettings
from inburgering.shared.testing.broker import TansuBroker
from inburgering.shared.testing.postgres import create_database, drop_database

RESULTS_DIR = Path(__file__).resolve().parent / "results"
GEMEENTEN = ("GM0772", "GM0796", "GM0855", "GM0753", "GM1771")
POLL_SECONDS = 0.01


@dataclass(frozen=True)
class Config:
    events: int = 5000
    backlog: int = 20000
    database: str = "postgres"
    repeats: int = 3
    # Concurrent writers, each committing one event per transaction (like API requests).
    writers: int = 8
    partitions: int = 3
    deadline_seconds: float = 120.0


# --- schema and events -------------------------------------------------------------------------


@dataclass(frozen=True)
class Schema:
    metadata: MetaData
    outbox: Table
    inbox: Table
    state: Table


def make_schema() -> Schema:
    """Outbox, inbox and a state table; both databases get all three, each uses what it needs."""
    metadata = make_metadata()
    state = Table(
        "bench_state",
        metadata,
        # No unique constraint on event_id: a duplicate effect must show up as a second row.
        Column("row_id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(100), nullable=False),
        Column("intake_id", Uuid, nullable=False),
        Column("gemeentecode", String(6), nullable=False),
        Column("handled_at", DateTime(timezone=True), nullable=False),
    )
    return Schema(metadata, outbox_table(metadata), inbox_table(metadata), state)


def event_model(topic: str) -> type[IntakeAfgerond]:
    """IntakeAfgerond (our largest event) published on a topic of this measurement's own."""
    return type("BenchIntakeAfgerond", (IntakeAfgerond,), {"topic": topic, "__module__": __name__})


def sample_events(model: type[IntakeAfgerond], count: int) -> list[IntakeAfgerond]:
    return [
        model(
            inburgeraar_id=uuid.uuid4(),
            intake_id=uuid.uuid4(),
            gemeentecode=GEMEENTEN[i % len(GEMEENTEN)],
            doelgroep="asielstatushouder",
            leerbaarheidstoets="b1-haalbaar",
            opleidingsniveau="mbo",
            ambitie="hbo",
            leeftijd=18 + i % 50,
        )
        for i in range(count)
    ]


def bench_settings(bootstrap: str, partitions: int) -> BaseServiceSettings:
    return BaseServiceSettings(
        service_name=f"bench{uuid.uuid4().hex[:8]}",
        kafka_bootstrap_servers=bootstrap,
        kafka_idempotence=False,  # Tansu has no idempotent producer
        kafka_topic_partitions=partitions,
    )


# --- infrastructure helpers --------------------------------------------------------------------


@contextlib.asynccontextmanager
async def fresh_databases(kind: str, count: int) -> AsyncIterator[list[str]]:
    """Throw-away databases: PostgreSQL via the test server, or SQLite files in a temp folder."""
    if kind == "postgres":
        urls: list[str] = []
        try:
            for _ in range(count):
                urls.append(await create_database(prefix="bench"))
            yield urls
        finally:
            for url in urls:
                await drop_database(url)
    elif kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            yield [f"sqlite+aiosqlite:///{folder}/db{i}.db" for i in range(count)]
    else:
        raise ValueError(f"unknown database {kind!r}")


@contextlib.asynccontextmanager
async def engines(urls: Sequence[str], schema: Schema) -> AsyncIterator[list[AsyncEngine]]:
    created = [create_engine(url) for url in urls]
    try:
        for engine in created:
            async with engine.begin() as conn:
                await conn.run_sync(schema.metadata.create_all)
        yield created
    finally:
        for engine in created:
            await engine.dispose()


def raw_producer(bootstrap: str) -> AIOKafkaProducer:
    """The platform's producer settings (broker.make_producer), without the platform around it."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=False, linger_ms=5
    )


async def wait_for_assignment(kafka: AIOKafkaConsumer, deadline: float) -> None:
    """Join the group before the clock starts; the topic is still empty, so nothing is read."""
    end = time.monotonic() + deadline
    while not kafka.assignment():
        if time.monotonic() > end:
            raise TimeoutError("consumer got no partitions")
        records = await kafka.getmany(timeout_ms=100)
        assert not records, "the topic should be empty before the measurement"


async def read_topic(bootstrap: str, topic: str, expected: int, deadline: float) -> tuple[int, int]:
    """(records, distinct CloudEvents ids) on a topic, read to the end without a group.

    Counted by reading, not from end offsets: Tansu's ListOffsets(latest) undercounts.
    """
    kafka = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await kafka.start()
    records, ids = 0, set()
    end = time.monotonic() + deadline
    try:
        while time.monotonic() < end:
            batches = await kafka.getmany(timeout_ms=500, max_records=1000)
            if not batches and records >= expected:
                break  # past the expected count and quiet: any duplicate would have shown
            for batch in batches.values():
                records += len(batch)
                ids.update(dict(record.headers)["ce_id"] for record in batch)
    finally:
        await kafka.stop()
    return records, len(ids)


T = TypeVar("T")


async def poll_until(
    probe: Callable[[], Awaitable[T]],
    done: Callable[[T], bool],
    deadline: float,
    watched: Iterable[asyncio.Task[Any]] = (),
) -> T:
    """Probe until done; fail fast when a watched background task died, or at the deadline."""
    end = time.monotonic() + deadline
    watched = list(watched)
    while True:
        value = await probe()
        if done(value):
            return value
        for task in watched:
            if task.done():
                raise RuntimeError(f"{task.get_name()} stopped: {task.exception()!r}")
        if time.monotonic() > end:
            raise TimeoutError(f"not done after {deadline}s (last value {value!r})")
        await asyncio.sleep(POLL_SECONDS)


async def stop_tasks(stop: asyncio.Event, tasks: Iterable[asyncio.Task[Any]]) -> None:
    stop.set()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=10)


# --- 1. baseline: raw aiokafka ---------------------------------------------------------------


@dataclass
class BaselineRun:
    produce_eps: float  # N records sent and acknowledged (acks=all)
    end_to_end_eps: float  # first send until the consumer group read and committed all N
    consumed: int


def raw_records(model: type[IntakeAfgerond], count: int, source: str) -> list[tuple]:
    """(key, value, headers) exactly as the relay would build them for the same events."""
    records = []
    for event in sample_events(model, count):
        envelope = Envelope(
            id=str(uuid.uuid4()),
            source=source,
            type=event.event_type(),
            time=datetime.now(UTC),
            gemeentecode=event.gemeentecode,
            data=event.to_data(),
            key=event.partition_key(),
            traceparent=tracing.new_traceparent(),
        )
        message = envelope.to_kafka()
        records.append(
            (event.partition_key().encode(), message.value, envelope.kafka_headers(message))
        )
    return records


class BaselineRig:
    """A topic, its records and a consumer that has joined its group: ready to be timed."""

    def __init__(
        self, config: Config, topic: str, records: list[tuple], kafka: AIOKafkaConsumer
    ) -> None:
        self.config = config
        self.topic = topic
        self.records = records
        self.kafka = kafka
        self.producer: AIOKafkaProducer

    @classmethod
    @contextlib.asynccontextmanager
    async def open(cls, bootstrap: str, config: Config) -> AsyncIterator[BaselineRig]:
        settings = bench_settings(bootstrap, config.partitions)
        topic = f"bench.raw.{uuid.uuid4().hex[:10]}"
        await broker.ensure_topics(settings, [topic])
        kafka = AIOKafkaConsumer(
            topic,
            bootstrap_servers=bootstrap,
            group_id=f"bench-raw-{uuid.uuid4().hex[:10]}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=500,
        )
        rig = cls(
            config,
            topic,
            raw_records(event_model(topic), config.events, settings.event_source),
            kafka,
        )
        rig.producer = raw_producer(bootstrap)
        try:
            await kafka.start()
            await rig.producer.start()
            await wait_for_assignment(kafka, config.deadline_seconds)
            await rig.producer.partitions_for(topic)  # warm: a long-running producer knows it
            yield rig
        finally:
            await rig.producer.stop()
            await kafka.stop()

    async def _consume_all(self) -> int:
        seen = 0
        while seen < self.config.events:
            batches = await self.kafka.getmany(timeout_ms=500, max_records=500)
            seen += sum(len(batch) for batch in batches.values())
            if batches:
                await self.kafka.commit()
        return seen

    async def run(self) -> BaselineRun:
        start = time.perf_counter()
        consuming = asyncio.create_task(self._consume_all(), name="raw-consumer")
        pending = [
            await self.producer.send(self.topic, value=value, key=key, headers=headers)
            for key, value, headers in self.records
        ]
        await asyncio.gather(*pending)
        produced = time.perf_counter()
        consumed = await asyncio.wait_for(consuming, self.config.deadline_seconds)
        finished = time.perf_counter()
        return BaselineRun(
            produce_eps=self.config.events / (produced - start),
            end_to_end_eps=self.config.events / (finished - start),
            consumed=consumed,
        )


async def measure_baseline(bootstrap: str, config: Config) -> BaselineRun:
    async with BaselineRig.open(bootstrap, config) as rig:
        return await rig.run()


# --- 2. platform path: UnitOfWork + Outbox -> Relay -> Consumer + Inbox -----------------------


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


# --- 3. backlog drain ------------------------------------------------------------------------


class _RowCollector:
    """Stands in for a session: keeps the row Outbox.append would insert."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    async def execute(self, statement: Any) -> None:
        self.rows.append(statement.compile().params)


def outbox_row(event: IntakeAfgerond) -> dict[str, Any]:
    """The row Outbox.append writes, built directly: compiling 20000 inserts takes minutes."""
    return {
        "id": uuid.uuid4(),
        "topic": event.topic,
        "aggregate_type": event.aggregate_type,
        "aggregate_id": event.partition_key(),
        "event_type": event.event_type(),
        "gemeentecode": event.gemeentecode,
        "traceparent": tracing.new_traceparent(),
        "payload": event.to_data(),
        "created_at": datetime.now(UTC),
    }


async def fill_outbox(engine: AsyncEngine, outbox: Outbox, events: Sequence[Any]) -> None:
    """Setup, not timed: the backlog in one bulk insert."""
    real = _RowCollector()
    await outbox.append(real, events[0])  # type: ignore[arg-type]
    rows = [outbox_row(event) for event in events]
    # Should Outbox.append ever fill other columns, this benchmark must follow.
    assert set(rows[0]) == set(real.rows[0]), sorted(set(rows[0]) ^ set(real.rows[0]))
    async with engine.begin() as conn:
        await conn.execute(insert(outbox.table), rows)


@dataclass
class BacklogRun:
    drain_eps: float
    published: int
    on_topic: int
    distinct_on_topic: int
    left_unpublished: int


async def measure_backlog(bootstrap: str, config: Config) -> BacklogRun:
    schema = make_schema()
    settings = bench_settings(bootstrap, config.partitions)
    topic = f"bench.backlog.{uuid.uuid4().hex[:10]}"
    await broker.ensure_topics(settings, [topic])
    events = sample_events(event_model(topic), config.backlog)

    async with fresh_databases(config.database, 1) as urls, engines(urls, schema) as (db,):
        await fill_outbox(db, Outbox(schema.outbox, settings.service_name), events)

        producer = broker.make_producer(settings)
        await producer.start()
        try:
            await producer.partitions_for(topic)
            relay = Relay(
                db,
                schema.outbox,
                producer,
                service_name=settings.service_name,
                source=settings.event_source,
                batch_size=settings.relay_batch_size,
            )
            start = time.perf_counter()
            published = await relay.drain()
            finished = time.perf_counter()
            left = await relay.backlog()
        finally:
            await producer.stop()

    on_topic, distinct = await read_topic(bootstrap, topic, published, config.deadline_seconds)
    return BacklogRun(
        drain_eps=published / (finished - start),
        published=published,
        on_topic=on_topic,
        distinct_on_topic=distinct,
        left_unpublished=left,
    )


# --- the run ---------------------------------------------------------------------------------


@dataclass
class Report:
    config: Config
    baseline: list[BaselineRun] = field(default_factory=list)
    platform: list[PlatformRun] = field(default_factory=list)
    backlog: list[BacklogRun] = field(default_factory=list)
    # Other work on the machine skews absolute numbers; the ratios are what to compare.
    load_before: tuple[float, float, float] = field(default_factory=os.getloadavg)
    load_after: tuple[float, float, float] | None = None

    def ratios(self) -> dict[str, list[float]]:
        """Per repetition, against the baseline measured just before it."""
        return {
            "platform_vs_baseline_end_to_end": [
                p.end_to_end_eps / b.end_to_end_eps
                for b, p in zip(self.baseline, self.platform, strict=True)
            ],
            "backlog_drain_vs_raw_produce": [
                d.drain_eps / b.produce_eps
                for b, d in zip(self.baseline, self.backlog, strict=True)
            ],
        }

    def medians(self) -> dict[str, dict[str, float]]:
        result = {
            name: median_of(runs)
            for name, runs in (
                ("baseline", self.baseline),
                ("platform", self.platform),
                ("backlog", self.backlog),
            )
        }
        result["ratios"] = {k: statistics.median(v) for k, v in self.ratios().items()}
        return result

    def to_json(self) -> dict[str, Any]:
        return {
            "generated_at": datetime.now(UTC).isoformat(),
            "machine": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "broker": "tansu (memory storage) on 127.0.0.1",
                "load_average_before": self.load_before,
                "load_average_after": self.load_after,
            },
            "config": asdict(self.config),
            "median": self.medians(),
            "runs": {
                "baseline": [asdict(r) for r in self.baseline],
                "platform": [asdict(r) for r in self.platform],
                "backlog": [asdict(r) for r in self.backlog],
                "ratios": self.ratios(),
            },
        }


def median_of(runs: Sequence[Any]) -> dict[str, float]:
    if not runs:
        return {}
    return {
        f.name: statistics.median(float(getattr(run, f.name)) for run in runs)
        for f in fields(runs[0])
    }


def check_exactly_once(run: PlatformRun, config: Config) -> None:
    """Numbers from a run that lost or duplicated events would be meaningless."""
    if not (run.delivered == run.distinct == config.events and run.ids_match):
        raise AssertionError(f"platform run did not deliver exactly once: {run}")


def check_drained(run: BacklogRun, config: Config) -> None:
    expected = config.backlog
    if not (run.published == run.on_topic == run.distinct_on_topic == expected):
        raise AssertionError(f"backlog run did not publish each event once: {run}")
    if run.left_unpublished:
        raise AssertionError(f"backlog run left {run.left_unpublished} rows unpublished")


async def run_benchmark(
    config: Config, bootstrap: str, progress: Callable[[str], None] = lambda _: None
) -> Report:
    report = Report(config)
    began = time.monotonic()

    def step(repeat: int, what: str) -> None:
        progress(f"{time.monotonic() - began:6.1f}s [{repeat}/{config.repeats}] {what}")

    for repeat in range(1, config.repeats + 1):
        step(repeat, "setting up (topics, databases, consumer groups)")
        async with contextlib.AsyncExitStack() as stack:
            # Tansu holds every first JoinGroup for seconds: both groups join at the same time.
            async with asyncio.TaskGroup() as group:
                opening = [
                    group.create_task(stack.enter_async_context(rig.open(bootstrap, config)))
                    for rig in (BaselineRig, PlatformRig)
                ]
            baseline, platform_path = (task.result() for task in opening)
            step(repeat, "baseline (raw aiokafka)")
            report.baseline.append(await baseline.run())
            step(repeat, f"platform path ({config.database})")
            run = await platform_path.run()
        check_exactly_once(run, config)
        report.platform.append(run)
        step(repeat, f"backlog drain ({config.database})")
        drained = await measure_backlog(bootstrap, config)
        check_drained(drained, config)
        report.backlog.append(drained)
    step(config.repeats, "done")
    report.load_after = os.getloadavg()
    return report


def render(report: Report) -> str:
    c = report.config
    m = report.medians()
    b, p, d, r = m["baseline"], m["platform"], m["backlog"], m["ratios"]
    rows = [
        ("baseline: raw produce, acks=all", b["produce_eps"], "1.00"),
        ("baseline: raw produce + consume (e2e)", b["end_to_end_eps"], "1.00"),
        (
            "platform: commit -> state row (e2e)",
            p["end_to_end_eps"],
            f"{r['platform_vs_baseline_end_to_end']:.2f}  (vs baseline e2e)",
        ),
        (f"  writers: {c.writers} x 1 event/transaction", p["commit_eps"], ""),
        ("  relay publish", p["relay_eps"], ""),
        ("  consumer: inbox + state row", p["consumer_eps"], ""),
        (
            f"backlog: Relay.drain() of {c.backlog}",
            d["drain_eps"],
            f"{r['backlog_drain_vs_raw_produce']:.2f}  (vs raw produce)",
        ),
    ]
    lines = [
        f"event backbone, {c.database}: N={c.events}, M={c.backlog}, "
        f"median of {c.repeats}, {os.cpu_count()} cpus, Tansu (memory)",
        f"{'measurement':<44}{'events/s':>10}   ratio",
        "-" * 72,
        *(f"{name:<44}{eps:>10.0f}   {ratio}" for name, eps, ratio in rows),
        "-" * 72,
        f"relay lag after last commit {p['relay_lag_seconds']:.2f}s, "
        f"last state row after last commit {p['consumer_lag_seconds']:.2f}s",
        "load average before/after: "
        + " / ".join(
            " ".join(f"{x:.1f}" for x in load)
            for load in (report.load_before, report.load_after)
            if load
        ),
    ]
    return "\n".join(lines)


def parse_args(argv: Sequence[str]) -> tuple[Config, Path]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=Config.events, help="N (default 5000)")
    parser.add_argument("--backlog", type=int, default=Config.backlog, help="M (default 20000)")
    parser.add_argument("--database", choices=("postgres", "sqlite"), default=Config.database)
    parser.add_argument("--repeats", type=int, default=Config.repeats)
    parser.add_argument("--writers", type=int, default=Config.writers)
    parser.add_argument("--quick", action="store_true", help="N=200, M=1000, one repetition")
    parser.add_argument("--output", type=Path, help="JSON file (default bench/results/latest.json)")
    args = parser.parse_args(argv)
    if args.quick:
        config = Config(
            events=200, backlog=1000, database=args.database, repeats=1, writers=args.writers
        )
        output = args.output or RESULTS_DIR / "quick.json"
    else:
        config = Config(
            events=args.events,
            backlog=args.backlog,
            database=args.database,
            repeats=args.repeats,
            writers=args.writers,
        )
        output = args.output or RESULTS_DIR / "latest.json"
    return config, output


def main(argv: Sequence[str] | None = None) -> int:
    config, output = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging(json=False, level="WARNING")
    began = time.monotonic()
    kafka = TansuBroker.start()
    try:
        report = asyncio.run(
            run_benchmark(config, kafka.bootstrap_servers, lambda s: print(s, file=sys.stderr))
        )
    finally:
        kafka.stop()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report.to_json(), indent=2) + "\n")
    print(render(report))
    print(f"({time.monotonic() - began:.0f}s; results in {output})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
