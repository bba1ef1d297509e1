"""Creating and reading test topics on the real broker, with deadlines instead of sleeps."""

from __future__ import annotations

import asyncio
import time
import uuid

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from inburgering.shared.messaging.envelope import Envelope

FENCE = "proef-grens"


async def create_topics(bootstrap: str, *names: str, partitions: int = 1) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, partitions, 1) for name in names])
    finally:
        await admin.close()


async def _assigned(bootstrap: str, topic: str) -> tuple[AIOKafkaConsumer, list[TopicPartition]]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    await consumer.topics()  # fetches the cluster metadata
    known = consumer.partitions_for_topic(topic) or set()
    partitions = [TopicPartition(topic, p) for p in sorted(known)]
    if not partitions:
        await consumer.stop()
        raise AssertionError(f"topic {topic} does not exist")
    consumer.assign(partitions)
    return consumer, partitions


async def read_topic(
    bootstrap: str, topic: str, *, at_least: int = 0, within: float = 20
) -> list[ConsumerRecord]:
    """Every record on the topic, once there are at least `at_least` (or the deadline passes).

    The broker's end offsets count batches rather than records, so "everything up to now" is
    marked by a fence record appended to each partition: once a partition's fence is read,
    nothing that was on it before can still be missing.
    """
    deadline = time.monotonic() + within
    while True:
        records = await _read_to_fence(bootstrap, topic, deadline)
        if len(records) >= at_least:
            return records
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(records)} of {at_least} records on {topic} in time")
        await asyncio.sleep(0.1)


async def _read_to_fence(bootstrap: str, topic: str, deadline: float) -> list[ConsumerRecord]:
    consumer, partitions = await _assigned(bootstrap, topic)
    fence = (FENCE, uuid.uuid4().hex.encode())
    try:
        await _append_fences(bootstrap, partitions, fence)
        await consumer.seek_to_beginning(*partitions)
        records: list[ConsumerRecord] = []
        fenced: set[int] = set()
        while len(fenced) < len(partitions):
            if time.monotonic() > deadline:
                raise AssertionError(f"the fence on {topic} did not arrive in time")
            for batch in (await consumer.getmany(timeout_ms=200)).values():
                for record in batch:
                    if fence in record.headers:
                        fenced.add(record.partition)
                    elif not is_fence(record) and record.partition not in fenced:
                        records.append(record)
        return records
    finally:
        await consumer.stop()


async def _append_fences(
    bootstrap: str, partitions: list[TopicPartition], fence: tuple[str, bytes]
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=False)
    await producer.start()
    try:
        for tp in partitions:
            await producer.send_and_wait(tp.topic, b"", partition=tp.partition, headers=[fence])
    finally:
        await producer.stop()


def is_fence(record: ConsumerRecord) -> bool:
    return any(name == FENCE for name, _value in record.headers or ())


async def send(producer: AIOKafkaProducer, topic: str, envelope: Envelope) -> None:
    """Produce a record exactly as the relay does (binary-mode CloudEvent)."""
    message = envelope.to_kafka()
    await producer.send_and_wait(
        topic,
        value=message.value,
        key=(envelope.key or "").encode(),
        headers=envelope.kafka_headers(message),
    )
