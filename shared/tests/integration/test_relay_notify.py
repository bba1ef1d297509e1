import asyncio
import time

import pytest
from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging import Relay
from shared.tests.integration.backbone import Backbone, event_on
from shared.tests.integration.topics import create_topics, read_topic

pytestmark = [pytest.mark.integration, pytest.mark.kafka]

POLL_SECONDS = 30.0


def _signal_each_drain(relay: Relay) -> asyncio.Queue[int]:
    """A spy on drain(): the relay is idle, waiting to be woken, once a drain is reported."""
    drained: asyncio.Queue[int] = asyncio.Queue()
    drain = relay.drain

    async def reporting_drain() -> int:
        published = await drain()
        drained.put_nowait(published)
        return published

    relay.drain = reporting_drain  # type: ignore[method-assign]
    return drained


async def test_a_commit_wakes_the_relay_through_listen_notify(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic)
    relay = backbone.relay(producer, poll_seconds=POLL_SECONDS)
    drained = _signal_each_drain(relay)
    stop = asyncio.Event()
    running = asyncio.create_task(relay.run(stop))
    try:
        assert await asyncio.wait_for(drained.get(), 10) == 0
        committed_at = time.monotonic()

        await backbone.commit_event(
            event_on(topic)(dossier_id="d-1", gemeentecode="GM0363", volgnummer=1)
        )

        [record] = await read_topic(kafka_bootstrap, topic, at_least=1, within=10)
        assert time.monotonic() - committed_at < POLL_SECONDS / 3
        assert record.key == b"d-1"
    finally:
        stop.set()
        await asyncio.wait_for(running, 10)


async def test_the_relay_listens_again_after_postgresql_ends_its_connection(
    backbone: Backbone, producer: AIOKafkaProducer, kafka_bootstrap: str, unique: str
):
    topic = f"proef.{unique}"
    await create_topics(kafka_bootstrap, topic)
    relay = backbone.relay(producer, poll_seconds=0.2)
    stop = asyncio.Event()
    running = asyncio.create_task(relay.run(stop))
    try:
        await _eventually(lambda: relay.listening)
        eerste = relay._listener.get_server_pid()  # type: ignore[union-attr]
        async with backbone.engine.connect() as conn:
            await conn.exec_driver_sql(f"SELECT pg_terminate_backend({eerste})")
        await _eventually(
            lambda: relay.listening and relay._listener.get_server_pid() != eerste,  # type: ignore[union-attr]
            within=15,
        )
        await backbone.commit_event(
            event_on(topic)(dossier_id="d-2", gemeentecode="GM0363", volgnummer=1)
        )
        [record] = await read_topic(kafka_bootstrap, topic, at_least=1, within=10)
        assert record.key == b"d-2"
        assert not running.done()
    finally:
        stop.set()
        await asyncio.wait_for(running, 10)


async def _eventually(check, within: float = 10) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, "condition not met before the deadline"
        await asyncio.sleep(0.05)
