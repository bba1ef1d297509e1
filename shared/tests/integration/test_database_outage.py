"""A consumer waits out its own database going away: no event parked, none lost or doubled,
the loop alive. The database is real; a TCP proxy in front of it resets every connection and
refuses new ones for a while, as a restart or failover does."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy.engine import make_url

from inburgering.shared.messaging import HandlerRegistry, Outcome
from inburgering.shared.persistence import create_engine
from inburgering.shared.persistence.database import session_factory
from inburgering.shared.testing.proxy import TcpProxy
from shared.tests.integration.backbone import (
    SCHEMA,
    Backbone,
    envelope_for,
    event_on,
    record_effect,
)
from shared.tests.integration.consuming import consumer_for, running
from shared.tests.integration.topics import send

pytestmark = [pytest.mark.integration, pytest.mark.kafka]


async def test_unknown_and_valid_events_arriving_during_an_outage_are_each_applied_once(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, topic: str, unique: str
):
    url = make_url(str(backbone.engine.url.render_as_string(hide_password=False)))
    proxy = await TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    engine = create_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(False))
    via_proxy = Backbone(engine, session_factory(engine), backbone.service_name)
    bijgewerkt = event_on(topic)
    onbekend = event_on(topic, type_name="iets-onbekends")
    registry = HandlerRegistry()
    registry.register(bijgewerkt, record_effect)
    consumer = consumer_for(via_proxy, registry, producer, max_attempts=3, backoff_seconds=0.01)
    try:
        async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
            await send(
                producer,
                topic,
                envelope_for(bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)),
            )
            await loop.until(lambda: backbone_has(backbone, 1))

            proxy.cut()
            vreemd = envelope_for(onbekend(dossier_id="d-2", gemeentecode="GM0363", volgnummer=1))
            await send(producer, topic, vreemd)
            for volgnummer in (2, 3):
                await send(
                    producer,
                    topic,
                    envelope_for(
                        bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=volgnummer)
                    ),
                )
            # Far longer than the three quick attempts that used to park an event.
            await asyncio.sleep(3)
            proxy.restore()
            await loop.until(lambda: backbone_has(backbone, 3), within=30)
            await loop.until(lambda: inbox_has(backbone, vreemd.id), within=30)
            assert not loop.task.done(), "the consumer loop died while the database was away"
        effects = sorted(r["volgnummer"] for r in await backbone.rows(SCHEMA.effect))
        assert effects == [1, 2, 3]
        outcomes = [row["outcome"] for row in await backbone.rows(SCHEMA.inbox)]
        assert Outcome.DEAD_LETTERED not in outcomes
        assert sorted(outcomes).count(Outcome.UNKNOWN_TYPE) == 1
        assert consumer.dead_lettered_total == 0
    finally:
        await engine.dispose()
        await proxy.stop()


async def backbone_has(backbone: Backbone, volgnummer: int) -> bool:
    return await backbone.count(SCHEMA.effect, SCHEMA.effect.c.volgnummer == volgnummer) == 1


async def inbox_has(backbone: Backbone, event_id: str) -> bool:
    return await backbone.count(SCHEMA.inbox, SCHEMA.inbox.c.event_id == event_id) == 1
