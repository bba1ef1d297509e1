from collections.abc import Awaitable, Callable

import pytest
from aiokafka import AIOKafkaProducer, ConsumerRecord

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
from shared.tests.integration.topics import read_topic, send

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

Poison = Callable[[AIOKafkaProducer, str, type[ProefEvent]], Awaitable[Envelope | None]]


async def _dead_letters(kafka_bootstrap: str, backbone: Backbone) -> list[ConsumerRecord]:
    return await read_topic(kafka_bootstrap, f"{backbone.consumer_name}.dlq", at_least=1)


def _header(record: ConsumerRecord, name: str) -> str:
    return dict(record.headers)[name].decode()


async def _handled(backbone: Backbone, volgnummer: int) -> bool:
    return await backbone.count(SCHEMA.effect, SCHEMA.effect.c.volgnummer == volgnummer) == 1


async def test_a_handler_that_keeps_failing_is_dead_lettered_and_the_partition_moves_on(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, topic: str, unique: str
):
    dossier_bijgewerkt = event_on(topic)
    attempts = 0

    async def fails_on_the_first(uow: UnitOfWork, event: ProefEvent, _envelope: Envelope) -> None:
        nonlocal attempts
        await record_effect(uow, event)
        if event.volgnummer == 1:
            attempts += 1
            raise RuntimeError("altijd kapot")

    registry = HandlerRegistry()
    registry.register(dossier_bijgewerkt, fails_on_the_first)
    consumer = consumer_for(backbone, registry, producer, max_attempts=3, backoff_seconds=0.01)
    poison = envelope_for(dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1))
    next_one = envelope_for(
        dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=2)
    )
    await send(producer, topic, poison)
    await send(producer, topic, next_one)

    async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
        await loop.until(lambda: _handled(backbone, 2))

    assert attempts == 3
    [parked] = await _dead_letters(kafka_bootstrap, backbone)
    assert _header(parked, "dlq_reason") == "handler-failed: RuntimeError"
    assert _header(parked, "dlq_topic") == topic
    assert _header(parked, "ce_id") == poison.id
    assert Envelope.from_kafka(parked.headers, parked.key, parked.value).data == poison.data
    outcomes = {row["event_id"]: row["outcome"] for row in await backbone.rows(SCHEMA.inbox)}
    assert outcomes == {poison.id: Outcome.DEAD_LETTERED, next_one.id: Outcome.PROCESSED}
    assert [row["volgnummer"] for row in await backbone.rows(SCHEMA.effect)] == [2]


async def _invalid_data(producer: AIOKafkaProducer, topic: str, model: type[ProefEvent]):
    event = model(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)
    envelope = envelope_for(event, data={"dossierId": "d-1", "gemeentecode": "GM0363"})
    await send(producer, topic, envelope)
    return envelope


async def _other_tenant(producer: AIOKafkaProducer, topic: str, model: type[ProefEvent]):
    event = model(dossier_id="d-1", gemeentecode="GM0599", volgnummer=1)
    envelope = envelope_for(event, gemeentecode="GM0363")
    await send(producer, topic, envelope)
    return envelope


async def _not_a_cloudevent(producer: AIOKafkaProducer, topic: str, _model: type[ProefEvent]):
    await producer.send_and_wait(topic, b'{"dossierId": "d-1"}', key=b"d-1")
    return None


@pytest.mark.parametrize(
    ("poison", "reason"),
    [
        (_invalid_data, "InvalidEventData: volgnummer:missing"),
        (_other_tenant, "TenantMismatch:"),
        (_not_a_cloudevent, "invalid-envelope:"),
    ],
)
async def test_a_record_that_cannot_be_read_is_dead_lettered(
    backbone: Backbone,
    producer: AIOKafkaProducer,
    kafka_bootstrap: str,
    topic: str,
    unique: str,
    poison: Poison,
    reason: str,
):
    dossier_bijgewerkt = event_on(topic)
    consumer = consumer_for(backbone, _registry(dossier_bijgewerkt), producer)
    parked_envelope = await poison(producer, topic, dossier_bijgewerkt)
    await send(
        producer,
        topic,
        envelope_for(dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=2)),
    )

    async with running(consumer, kafka_bootstrap, f"proef-{unique}", topic) as loop:
        await loop.until(lambda: _handled(backbone, 2))

    [parked] = await _dead_letters(kafka_bootstrap, backbone)
    assert _header(parked, "dlq_reason").startswith(reason)
    assert _header(parked, "dlq_offset") == "0"
    assert [row["volgnummer"] for row in await backbone.rows(SCHEMA.effect)] == [2]
    dead = await backbone.rows(SCHEMA.inbox, SCHEMA.inbox.c.outcome == Outcome.DEAD_LETTERED)
    assert len(dead) == 1
    if parked_envelope is not None:
        assert dead[0]["event_id"] == parked_envelope.id
    else:
        assert (dead[0]["event_type"], dead[0]["event_id"]) == ("unreadable", "0:0")
    assert consumer.dead_lettered_total == 1


def _registry(model: type[ProefEvent]) -> HandlerRegistry:
    registry = HandlerRegistry()
    registry.register(model, record_effect)
    return registry
