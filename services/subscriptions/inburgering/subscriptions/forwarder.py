"""Fills the per-gemeente topics `<prefix><gemeentecode>` from the event log, in order.

Each topic holds only its gemeente's events, so one prefixed ACL per gemeente principal
grants exactly its own (deploy/kafka/gemeente-topics.md). The event keeps its id, source and
time; the gemeente's sequence travels as the CloudEvents `sequence` extension."""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from aiokafka import AIOKafkaProducer
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from inburgering.shared.messaging import Envelope, broker
from inburgering.subscriptions.adapters.tables import gebeurtenis, gemeente_stroom
from inburgering.subscriptions.settings import SubscriptionsSettings

log = structlog.get_logger(__name__)


def gemeente_topic(settings: SubscriptionsSettings, gemeentecode: str) -> str:
    return settings.gemeente_topic_prefix + gemeentecode


class GemeenteTopicForwarder:
    def __init__(
        self, engine: AsyncEngine, producer: AIOKafkaProducer, settings: SubscriptionsSettings
    ) -> None:
        self._engine = engine
        self._producer = producer
        self._settings = settings
        self._known_topics: set[str] = set()
        self.forwarded_total = 0

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                sent = await self.forward()
            except Exception:
                log.exception("forwarder.round_failed")
                sent = 0
            if not sent:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self._settings.delivery_poll_seconds)

    async def forward(self) -> int:
        """One batch per gemeente that is behind; returns how many events were published."""
        total = 0
        async with self._engine.connect() as conn:
            behind = (
                await conn.execute(
                    select(gemeente_stroom.c.gemeentecode).where(
                        gemeente_stroom.c.laatste_volgnummer > gemeente_stroom.c.topic_volgnummer
                    )
                )
            ).scalars()
            gemeenten = list(behind)
        for gemeentecode in gemeenten:
            total += await self._forward_gemeente(gemeentecode)
        return total

    async def _forward_gemeente(self, gemeentecode: str) -> int:
        topic = gemeente_topic(self._settings, gemeentecode)
        if self._settings.kafka_create_topics and topic not in self._known_topics:
            await broker.ensure_topics(self._settings, [topic])
            self._known_topics.add(topic)
        async with self._engine.connect() as conn, conn.begin():
            # The row lock keeps a second forwarder from publishing the same batch meanwhile.
            stroom = select(gemeente_stroom.c.topic_volgnummer).where(
                gemeente_stroom.c.gemeentecode == gemeentecode
            )
            if self._engine.dialect.name == "postgresql":
                stroom = stroom.with_for_update(skip_locked=True)
            done = (await conn.execute(stroom)).scalar_one_or_none()
            if done is None:
                return 0
            rows = (
                (
                    await conn.execute(
                        select(gebeurtenis)
                        .where(
                            gebeurtenis.c.gemeentecode == gemeentecode,
                            gebeurtenis.c.volgnummer > done,
                        )
                        .order_by(gebeurtenis.c.volgnummer)
                        .limit(self._settings.forward_batch_size)
                    )
                )
                .mappings()
                .all()
            )
            if not rows:
                return 0
            pending = []
            for row in rows:
                envelope = Envelope(
                    id=row["event_id"],
                    source=row["source"],
                    type=row["type"],
                    time=row["time"],
                    gemeentecode=gemeentecode,
                    data=row["data"],
                    key=row["sleutel"],
                    traceparent=row["traceparent"],
                    extra_headers=(
                        ("ce_sequence", str(row["volgnummer"]).encode()),
                        ("ce_sequencetype", b"Integer"),
                    ),
                )
                message = envelope.to_kafka()
                pending.append(
                    await self._producer.send(
                        topic,
                        value=message.value,
                        key=row["sleutel"].encode(),
                        headers=envelope.kafka_headers(message),
                    )
                )
            await asyncio.gather(*pending)
            await conn.execute(
                update(gemeente_stroom)
                .where(gemeente_stroom.c.gemeentecode == gemeentecode)
                .values(topic_volgnummer=rows[-1]["volgnummer"])
            )
        self.forwarded_total += len(rows)
        return len(rows)
