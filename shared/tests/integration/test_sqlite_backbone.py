from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging import HandlerRegistry, Outcome
from shared.tests.integration.backbone import SCHEMA, Backbone, event_on, record_effect
from shared.tests.integration.consuming import consumer_for, running

pytestmark = pytest.mark.kafka


@pytest.fixture
async def receiver(tmp_path: Path, unique: str) -> AsyncIterator[Backbone]:
    """A second service with its own SQLite file, on the consuming end."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'ontvanger.db'}"
    backbone = await Backbone.create(url, service_name=f"ontvanger_{unique}")
    yield backbone
    await backbone.engine.dispose()


async def test_outbox_relay_and_consumer_work_on_embedded_sqlite_databases(
    sqlite_backbone: Backbone,
    receiver: Backbone,
    producer: AIOKafkaProducer,
    kafka_bootstrap: str,
    topic: str,
    unique: str,
):
    dossier_bijgewerkt = event_on(topic)
    for volgnummer in range(1, 4):
        await sqlite_backbone.commit_event(
            dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=volgnummer)
        )
    relay = sqlite_backbone.relay(producer)

    assert await relay.drain() == 3
    assert await relay.drain() == 0
    outbox = SCHEMA.outbox
    assert await sqlite_backbone.count(outbox, outbox.c.published_at.is_(None)) == 0

    registry = HandlerRegistry()
    registry.register(dossier_bijgewerkt, record_effect)
    consumer = consumer_for(receiver, registry, producer)
    async with running(consumer, kafka_bootstrap, f"ontvanger-{unique}", topic) as loop:
        await loop.until(lambda: _has_effects(receiver, 3))

    assert [row["volgnummer"] for row in await receiver.rows(SCHEMA.effect)] == [1, 2, 3]
    inbox = await receiver.rows(SCHEMA.inbox)
    assert [row["outcome"] for row in inbox] == [Outcome.PROCESSED] * 3
    published_ids = {str(row["id"]) for row in await sqlite_backbone.rows(outbox)}
    assert {row["event_id"] for row in inbox} == published_ids


async def _has_effects(backbone: Backbone, count: int) -> bool:
    return await backbone.count(SCHEMA.effect) >= count
