import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared import tracing
from inburgering.shared.messaging import HandlerRegistry, Outcome
from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.persistence import UnitOfWork
from shared.tests.integration.backbone import (
    SCHEMA,
    Backbone,
    ProefEvent,
    envelope_for,
    event_on,
    record_effect,
)
from shared.tests.integration.consuming import consumer_for, running
from shared.tests.integration.topics import send

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def _registry(*events: type[ProefEvent]) -> HandlerRegistry:
    registry = HandlerRegistry()
    for event in events:
        registry.register(event, record_effect)
    return registry


async def test_an_event_is_handled_once_with_its_inbox_row_in_the_same_transaction(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, topic: str, unique: str
):
    dossier_bijgewerkt = event_on(topic)
    event = dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)
    envelope = envelope_for(event, traceparent=TRACEPARENT)
    seen_traces: list[str | None] = []

    async def handler(uow: UnitOfWork, event: ProefEvent, received: Envelope) -> None:
        seen_traces.append(tracing.current_traceparent.get())
        await record_effect(uow, event)

    registry = HandlerRegistry()
    registry.register(dossier_bijgewerkt, handler)
    consumer = consumer_for(backbone, registry, producer)
    await send(producer, topic, envelope)

    async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
        await loop.until(lambda: _has_effects(backbone, 1))

    [inbox_row] = await backbone.rows(SCHEMA.inbox)
    assert inbox_row["consumer"] == backbone.consumer_name
    assert (inbox_row["source"], inbox_row["event_id"]) == (envelope.source, envelope.id)
    assert inbox_row["outcome"] == Outcome.PROCESSED
    # The handler runs inside the trace the event carried.
    assert seen_traces == [TRACEPARENT]


async def test_the_same_event_delivered_twice_has_one_effect(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, topic: str, unique: str
):
    dossier_bijgewerkt = event_on(topic)
    twice = envelope_for(dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1))
    later = envelope_for(dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=2))
    consumer = consumer_for(backbone, _registry(dossier_bijgewerkt), producer)
    for envelope in (twice, twice, later):
        await send(producer, topic, envelope)

    async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
        # The partition is ordered: once the later event's effect is there, the repeat was seen.
        await loop.until(lambda: _has_effects(backbone, 2))

    effects = sorted(row["volgnummer"] for row in await backbone.rows(SCHEMA.effect))
    assert effects == [1, 2]
    assert await backbone.count(SCHEMA.inbox, SCHEMA.inbox.c.event_id == twice.id) == 1
    assert consumer.handled_total == 2


async def test_an_unknown_event_type_is_recorded_and_skipped(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, topic: str, unique: str
):
    known = event_on(topic)
    unknown = event_on(topic, type_name="dossier-gearchiveerd")
    skipped = envelope_for(unknown(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1))
    handled = envelope_for(known(dossier_id="d-1", gemeentecode="GM0363", volgnummer=2))
    consumer = consumer_for(backbone, _registry(known), producer)
    await send(producer, topic, skipped)
    await send(producer, topic, handled)

    async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
        await loop.until(lambda: _has_effects(backbone, 1))

    [effect] = await backbone.rows(SCHEMA.effect)
    assert effect["volgnummer"] == 2
    outcomes = {row["event_id"]: row for row in await backbone.rows(SCHEMA.inbox)}
    assert outcomes[skipped.id]["outcome"] == Outcome.UNKNOWN_TYPE
    assert outcomes[skipped.id]["event_type"] == "nl.inburgering.dossier-gearchiveerd"
    assert outcomes[handled.id]["outcome"] == Outcome.PROCESSED
    assert consumer.dead_lettered_total == 0


async def test_a_handler_that_fails_once_is_retried_without_a_partial_effect(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, topic: str, unique: str
):
    dossier_bijgewerkt = event_on(topic)
    attempts = 0

    async def flaky(uow: UnitOfWork, event: ProefEvent, _envelope: Envelope) -> None:
        nonlocal attempts
        attempts += 1
        await record_effect(uow, event)
        if attempts == 1:
            raise ConnectionError("tijdelijk")

    registry = HandlerRegistry()
    registry.register(dossier_bijgewerkt, flaky)
    consumer = consumer_for(backbone, registry, producer)
    event = dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)
    await send(producer, topic, envelope_for(event))

    async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
        await loop.until(lambda: _has_effects(backbone, 1))

    assert attempts == 2
    assert await backbone.count(SCHEMA.effect) == 1
    assert await backbone.count(SCHEMA.inbox) == 1
    assert consumer.dead_lettered_total == 0


async def _has_effects(backbone: Backbone, count: int) -> bool:
    return await backbone.count(SCHEMA.effect) >= count
