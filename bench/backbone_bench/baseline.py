"""Baseline: raw aiokafka produces records shaped like our CloudEvents; a group reads them."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from backbone_bench.config import Config, bench_settings, event_model, sample_events
from backbone_bench.fixtures import raw_producer, wait_for_assignment
from inburgering.shared import tracing
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.messaging import Envelope, broker


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
