"""Throw-away databases, raw Kafka clients and the waiting every rig shares."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy.ext.asyncio import AsyncEngine

from backbone_bench.config import Schema
from inburgering.shared.persistence import create_engine
from inburgering.shared.testing.postgres import create_database, drop_database

POLL_SECONDS = 0.01


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
