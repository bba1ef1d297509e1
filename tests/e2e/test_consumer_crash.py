"""A consumer killed with SIGKILL between its database commit and its offset commit loses nothing
and duplicates nothing once restarted."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import TopicPartition
from sqlalchemy import func, select

from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import create_engine
from tests.e2e import crash_consumer
from tests.e2e.platform import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.kafka, pytest.mark.integration]

EVENTS = 10
KILL_AFTER = 4
GROUP = "crashprobe.inbox"
ROOT = Path(__file__).resolve().parents[2]


def _consumer(postgres_url: str, bootstrap: str, topic: str, kill_after: int = 0):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.e2e.crash_consumer",
            postgres_url,
            bootstrap,
            topic,
            "--kill-after",
            str(kill_after),
        ],
        cwd=ROOT,
    )


async def _produce(bootstrap: str, topic: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    await admin.create_topics([NewTopic(topic, 1, 1)])
    await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    aggregate = str(uuid.uuid4())
    for volgnummer in range(EVENTS):
        envelope = Envelope(
            id=str(uuid.uuid4()),
            source="urn:nld:oin:00000000000000000000:systeem:proef",
            type="nl.inburgering.proef-gebeurd",
            time=datetime.now(UTC),
            gemeentecode="GM0772",
            data={"inburgeraarId": aggregate, "gemeentecode": "GM0772", "volgnummer": volgnummer},
            key=aggregate,
        )
        message = envelope.to_kafka()
        await producer.send_and_wait(
            topic,
            value=message.value,
            key=aggregate.encode(),
            headers=list(message.headers.items()),
        )
    await producer.stop()


async def _committed_offset(bootstrap: str, topic: str) -> int:
    # A group member that never polls can read the group's committed offset without joining it.
    probe = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=GROUP, enable_auto_commit=False)
    await probe.start()
    try:
        committed = await probe.committed(TopicPartition(topic, 0))
    finally:
        await probe.stop()
    return committed or 0


async def test_sigkill_between_db_commit_and_offset_commit_loses_and_duplicates_nothing(
    postgres_url: str, kafka_bootstrap: str, unique: str
) -> None:
    topic = f"crash.{unique}"
    engine = create_engine(postgres_url)
    async with engine.begin() as conn:
        await conn.run_sync(crash_consumer.metadata.create_all)
    await _produce(kafka_bootstrap, topic)

    async def effects() -> tuple[int, int]:
        async with engine.connect() as conn:
            row = (
                await conn.execute(
                    select(
                        func.count(), func.count(func.distinct(crash_consumer.effect.c.event_id))
                    )
                )
            ).one()
        return int(row[0]), int(row[1])

    crashing = _consumer(postgres_url, kafka_bootstrap, topic, kill_after=KILL_AFTER)
    returncode = await asyncio.to_thread(crashing.wait, 120)
    assert returncode == -signal.SIGKILL
    # The consumer applies a poll's records in one transaction, so at least KILL_AFTER effects
    # are committed, each once, while the offsets lag behind them.
    applied, distinct = await effects()
    assert KILL_AFTER <= applied <= EVENTS
    assert distinct == applied
    committed = await _committed_offset(kafka_bootstrap, topic)
    assert committed < applied, "the crash must leave committed effects without their offsets"

    restarted = _consumer(postgres_url, kafka_bootstrap, topic)
    try:

        async def caught_up() -> bool:
            return await _committed_offset(kafka_bootstrap, topic) == EVENTS

        await eventually(caught_up, timeout=60)
        assert await effects() == (EVENTS, EVENTS)
        async with engine.connect() as conn:
            inbox_rows = (
                await conn.execute(select(func.count()).select_from(crash_consumer.inbox))
            ).scalar_one()
        assert inbox_rows == EVENTS
    finally:
        restarted.send_signal(signal.SIGTERM)
        await asyncio.to_thread(restarted.wait, 30)
        await engine.dispose()
