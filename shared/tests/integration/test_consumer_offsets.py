import time
import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition

from inburgering.shared.messaging import HandlerRegistry
from inburgering.shared.messaging.envelope import Envelope
from shared.tests.integration.backbone import (
    SCHEMA,
    Backbone,
    envelope_for,
    event_on,
    record_effect,
)
from shared.tests.integration.consuming import consumer_for, kafka_consumer, running
from shared.tests.integration.topics import create_topics, send

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

EVENTS = 6
PARTITIONS = 2


async def _committed(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """The group's committed offset per partition, read by an observer that never joins."""
    observer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group)
    await observer.start()
    try:
        offsets = {p: await observer.committed(TopicPartition(topic, p)) for p in range(PARTITIONS)}
    finally:
        await observer.stop()
    return {partition: offset or 0 for partition, offset in offsets.items()}


async def _first_records_seen_by_the_group(
    bootstrap: str, producer: AIOKafkaProducer, topic: str, group: str
) -> list[ConsumerRecord]:
    """Append a marker to every partition; a group member that resumes after the last committed
    offset reads the markers first, and anything before them was not committed."""
    marker = ("proef-marker", uuid.uuid4().hex.encode())
    for partition in range(PARTITIONS):
        await producer.send_and_wait(topic, b"", partition=partition, headers=[marker])
    kafka = kafka_consumer(bootstrap, group, topic)
    await kafka.start()
    try:
        seen: list[ConsumerRecord] = []
        markers = 0
        deadline = time.monotonic() + 20
        while markers < PARTITIONS:
            assert time.monotonic() < deadline, "the markers did not arrive in time"
            for batch in (await kafka.getmany(timeout_ms=200)).values():
                for record in batch:
                    if marker in record.headers:
                        markers += 1
                    else:
                        seen.append(record)
        return seen
    finally:
        await kafka.stop()


async def test_offsets_are_committed_only_after_the_database_commit(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    group = f"proef-{unique}"
    await create_topics(
        kafka_bootstrap, topic, f"{backbone.consumer_name}.dlq", partitions=PARTITIONS
    )
    dossier_bijgewerkt = event_on(topic)
    observed: list[tuple[int, bool, int]] = []

    async def after_db_commit(record: ConsumerRecord) -> None:
        # Seen from outside: the effect is durable while the offset still points at the record.
        effect_visible = (
            await backbone.count(SCHEMA.effect, SCHEMA.effect.c.volgnummer == _volgnummer(record))
            == 1
        )
        committed = (await _committed(kafka_bootstrap, group, topic))[record.partition]
        observed.append((record.offset, effect_visible, committed))

    registry = HandlerRegistry()
    registry.register(dossier_bijgewerkt, record_effect)
    consumer = consumer_for(backbone, registry, producer, after_commit=after_db_commit)
    for volgnummer in range(EVENTS):
        event = dossier_bijgewerkt(
            dossier_id=f"d-{volgnummer % 3}", gemeentecode="GM0363", volgnummer=volgnummer
        )
        await send(producer, topic, envelope_for(event))

    async with running(consumer, kafka_bootstrap, group, topic) as loop:
        await loop.until(lambda: _effects_at_least(backbone, EVENTS))

    assert len(observed) == EVENTS
    assert all(visible for _offset, visible, _committed in observed)
    assert all(committed <= offset for offset, _visible, committed in observed)
    committed = await _committed(kafka_bootstrap, group, topic)
    assert sum(committed.values()) == EVENTS
    assert await _first_records_seen_by_the_group(kafka_bootstrap, producer, topic, group) == []


def _volgnummer(record: ConsumerRecord) -> int:
    return Envelope.from_kafka(record.headers, record.key, record.value).data["volgnummer"]


async def _effects_at_least(backbone: Backbone, count: int) -> bool:
    return await backbone.count(SCHEMA.effect) >= count
