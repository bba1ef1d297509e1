"""Per-gemeente topics on the real broker: each holds only its own gemeente's events, in order,
with their original id and source and the gemeente's sequence."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from inburgering.shared.messaging import Envelope, broker
from inburgering.subscriptions.forwarder import GemeenteTopicForwarder
from inburgering.subscriptions.runtime import SubscriptionsRuntime

pytestmark = [pytest.mark.integration, pytest.mark.kafka]


async def _read(bootstrap: str, topic: str, count: int) -> list[tuple[Envelope, dict]]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = set()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30
        while not partitions and loop.time() < deadline:
            partitions = consumer.partitions_for_topic(topic) or set()
            if not partitions:
                await consumer.topics()  # refreshes the cluster metadata
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        await consumer.seek_to_beginning()
        records = []
        while len(records) < count and loop.time() < deadline:
            for batch in (await consumer.getmany(timeout_ms=500)).values():
                records.extend(batch)
        return [(Envelope.from_kafka(r.headers, r.key, r.value), dict(r.headers)) for r in records]
    finally:
        await consumer.stop()


async def test_each_gemeente_topic_holds_only_its_own_events(
    runtime: SubscriptionsRuntime, feed, aangemeld, kafka_bootstrap: str, unique: str
) -> None:
    settings = runtime.subscriptions_settings.model_copy(
        update={
            "kafka_bootstrap_servers": kafka_bootstrap,
            "kafka_idempotence": False,
            "kafka_create_topics": True,
            "gemeente_topic_prefix": f"test.{unique}.gemeente.",
        }
    )
    eindhoven = await feed(aangemeld("GM0772"), aangemeld("GM0772"))
    tilburg = await feed(aangemeld("GM0855"))
    eindhoven += await feed(aangemeld("GM0772"))
    producer = broker.make_producer(settings)
    await producer.start()
    try:
        forwarder = GemeenteTopicForwarder(runtime.engine, producer, settings)
        assert await forwarder.forward() == 4
        assert await forwarder.forward() == 0  # the cursor moved: nothing is sent twice
    finally:
        await producer.stop()

    gm0772 = await _read(kafka_bootstrap, f"test.{unique}.gemeente.GM0772", 3)
    gm0855 = await _read(kafka_bootstrap, f"test.{unique}.gemeente.GM0855", 1)

    assert sorted(e.id for e, _ in gm0772) == sorted(eindhoven)
    assert {e.gemeentecode for e, _ in gm0772} == {"GM0772"}
    assert [e.id for e, _ in gm0855] == tilburg
    assert {e.source for e, _ in gm0772} == {
        "urn:nld:oin:00000000000000000000:systeem:inburgering-intake"
    }
    by_id = {e.id: headers for e, headers in gm0772}
    assert [by_id[i]["ce_sequence"] for i in eindhoven] == [b"1", b"2", b"3"]
