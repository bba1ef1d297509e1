from collections import defaultdict

import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging.envelope import Envelope
from shared.tests.integration.backbone import SCHEMA, SOURCE, Backbone, event_on
from shared.tests.integration.topics import create_topics, read_topic

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

DOSSIERS = ("d-1", "d-2", "d-3", "d-4")


async def test_every_committed_event_is_published_in_order_per_aggregate(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic, partitions=3)
    dossier_bijgewerkt = event_on(topic)
    committed: dict[str, list[int]] = defaultdict(list)
    for volgnummer in range(1, 6):
        for dossier in DOSSIERS:
            event = dossier_bijgewerkt(
                dossier_id=dossier, gemeentecode="GM0363", volgnummer=volgnummer
            )
            await backbone.commit_event(event)
            committed[dossier].append(volgnummer)
    # Two events of one aggregate in a single transaction keep their order too.
    await backbone.commit_event(
        dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=6),
        dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=7),
    )
    committed["d-1"] += [6, 7]
    total = sum(len(v) for v in committed.values())

    published = await backbone.relay(producer, batch_size=3).drain()

    assert published == total
    records = await read_topic(kafka_bootstrap, topic, at_least=total)
    assert len(records) == total
    received: dict[str, list[int]] = defaultdict(list)
    for record in sorted(records, key=lambda r: (r.partition, r.offset)):
        envelope = Envelope.from_kafka(record.headers, record.key, record.value)
        assert record.key == envelope.data["dossierId"].encode()
        received[envelope.data["dossierId"]].append(envelope.data["volgnummer"])
    assert received == committed
    assert await backbone.count(SCHEMA.outbox, SCHEMA.outbox.c.published_at.is_(None)) == 0


async def test_the_published_record_is_the_outbox_row_as_a_cloudevent(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic)
    event = event_on(topic)(dossier_id="d-9", gemeentecode="GM0599", volgnummer=1)
    await backbone.commit_event(event)
    [row] = await backbone.rows(SCHEMA.outbox)

    await backbone.relay(producer).drain()

    [record] = await read_topic(kafka_bootstrap, topic, at_least=1)
    envelope = Envelope.from_kafka(record.headers, record.key, record.value)
    assert envelope.id == str(row["id"])
    assert envelope.source == SOURCE
    assert envelope.type == "nl.inburgering.dossier-bijgewerkt"
    assert envelope.gemeentecode == "GM0599"
    assert envelope.traceparent == row["traceparent"]
    assert envelope.data == {"dossierId": "d-9", "gemeentecode": "GM0599", "volgnummer": 1}


async def test_a_second_drain_publishes_nothing_more(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic, partitions=2)
    dossier_bijgewerkt = event_on(topic)
    for volgnummer in range(1, 4):
        await backbone.commit_event(
            dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=volgnummer)
        )
    relay = backbone.relay(producer)
    assert await relay.drain() == 3

    assert await relay.drain() == 0
    assert await relay.backlog() == 0
    assert len(await read_topic(kafka_bootstrap, topic)) == 3
