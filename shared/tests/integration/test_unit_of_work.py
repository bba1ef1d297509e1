import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging.envelope import Envelope
from shared.tests.integration.backbone import SCHEMA, Backbone, event_on, record_effect
from shared.tests.integration.topics import create_topics, read_topic

pytestmark = pytest.mark.integration


class Afgebroken(Exception):
    pass


async def test_a_committed_unit_of_work_keeps_the_state_change_and_its_event(
    backbone: Backbone, unique: str
):
    event = event_on(f"proef.{unique}")(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)

    await backbone.commit_event(event)

    [row] = await backbone.rows(SCHEMA.outbox)
    assert row["event_type"] == "nl.inburgering.dossier-bijgewerkt"
    assert row["topic"] == f"proef.{unique}"
    assert row["aggregate_id"] == "d-1"
    assert row["gemeentecode"] == "GM0363"
    assert row["payload"] == {"dossierId": "d-1", "gemeentecode": "GM0363", "volgnummer": 1}
    assert row["published_at"] is None
    assert await backbone.count(SCHEMA.effect) == 1


async def test_a_unit_of_work_left_without_commit_keeps_nothing(backbone: Backbone, unique: str):
    event = event_on(f"proef.{unique}")(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)

    async with backbone.uow() as uow:
        await record_effect(uow, event)
        await uow.publish(event)

    assert await backbone.count(SCHEMA.outbox) == 0
    assert await backbone.count(SCHEMA.effect) == 0


async def test_an_event_without_a_responsible_gemeente_is_refused(backbone: Backbone):
    class ZonderGemeente(event_on("proef.zonder")):
        gemeentecode: str = ""

    async with backbone.uow() as uow:
        with pytest.raises(ValueError, match="gemeentecode"):
            await uow.publish(ZonderGemeente(dossier_id="d-1", volgnummer=1))


@pytest.mark.kafka
async def test_a_rolled_back_unit_of_work_publishes_nothing(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic)
    dossier_bijgewerkt = event_on(topic)
    event = dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)
    relay = backbone.relay(producer)

    with pytest.raises(Afgebroken):
        async with backbone.uow() as uow:
            await record_effect(uow, event)
            await uow.publish(event)
            raise Afgebroken

    assert await backbone.count(SCHEMA.outbox) == 0
    assert await backbone.count(SCHEMA.effect) == 0
    assert await relay.drain() == 0
    assert len(await read_topic(kafka_bootstrap, topic)) == 0

    await backbone.commit_event(
        dossier_bijgewerkt(dossier_id="d-1", gemeentecode="GM0363", volgnummer=2)
    )
    assert await relay.drain() == 1
    [record] = await read_topic(kafka_bootstrap, topic, at_least=1)
    assert Envelope.from_kafka(record.headers, record.key, record.value).data["volgnummer"] == 2
