import asyncio
from collections import Counter

import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging import Relay
from inburgering.shared.messaging.envelope import Envelope
from shared.tests.integration.backbone import SCHEMA, Backbone, event_on
from shared.tests.integration.topics import create_topics, read_topic

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

EVENTS = 60


async def _commit_events(backbone: Backbone, topic: str) -> None:
    dossier_bijgewerkt = event_on(topic)
    for volgnummer in range(EVENTS):
        await backbone.commit_event(
            dossier_bijgewerkt(
                dossier_id=f"d-{volgnummer % 5}", gemeentecode="GM0363", volgnummer=volgnummer
            )
        )


async def _drain_together(backbone: Backbone, relays: list[Relay]) -> int:
    """Drain concurrently until the outbox is empty; a relay that is not the leader stops early."""
    published = 0
    async with asyncio.timeout(30):
        while await relays[0].backlog():
            published += sum(await asyncio.gather(*(relay.drain() for relay in relays)))
    return published


async def _published_ids(kafka_bootstrap: str, topic: str) -> Counter[str]:
    records = await read_topic(kafka_bootstrap, topic, at_least=EVENTS)
    return Counter(Envelope.from_kafka(r.headers, r.key, r.value).id for r in records)


async def test_two_relays_of_one_service_never_publish_an_event_twice(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic, partitions=3)
    await _commit_events(backbone, topic)
    relays = [backbone.relay(producer, batch_size=4) for _ in range(2)]

    published = await _drain_together(backbone, relays)

    ids = await _published_ids(kafka_bootstrap, topic)
    assert published == EVENTS
    assert len(ids) == EVENTS
    assert set(ids.values()) == {1}
    assert await backbone.count(SCHEMA.outbox, SCHEMA.outbox.c.published_at.is_(None)) == 0


async def test_row_locks_alone_keep_relays_from_publishing_an_event_twice(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic, partitions=3)
    await _commit_events(backbone, topic)
    # Different lock keys, so both relays lead at once and only SKIP LOCKED separates them.
    relays = [
        backbone.relay(producer, batch_size=4, service_name=f"{backbone.service_name}_{n}")
        for n in range(3)
    ]

    published = await _drain_together(backbone, relays)

    ids = await _published_ids(kafka_bootstrap, topic)
    assert published == EVENTS
    assert len(ids) == EVENTS
    assert set(ids.values()) == {1}
