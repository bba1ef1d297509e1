"""Backlog drain: M events already in the outbox, published by one Relay.drain()."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from backbone_bench.config import Config, bench_settings, event_model, make_schema, sample_events
from backbone_bench.fixtures import engines, fresh_databases, read_topic
from inburgering.shared import tracing
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.messaging import Outbox, Relay, broker


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
