"""A consumer process for the crash test: its handler's effect is deliberately not idempotent,
so only the inbox stands between a redelivery and a duplicate effect."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
from pathlib import Path
from uuid import UUID

from sqlalchemy import Column, Integer, String, Table

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.messaging import Envelope, HandlerRegistry, inbox_table, outbox_table
from inburgering.shared.persistence import UnitOfWork, make_metadata
from inburgering.shared.runtime import ServiceParts, ServiceRuntime
from inburgering.shared.settings import BaseServiceSettings

metadata = make_metadata()
effect = Table(
    "effect",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(100), nullable=False),
)
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)


def event_class(topic: str) -> type[IntegrationEvent]:
    class ProefGebeurd(IntegrationEvent):
        event_name = "proef-gebeurd"
        aggregate_type = "proef"

        inburgeraar_id: UUID
        gemeentecode: str
        volgnummer: int

    ProefGebeurd.topic = topic
    return ProefGebeurd


async def record_effect(uow: UnitOfWork, _event: IntegrationEvent, envelope: Envelope) -> None:
    await uow.session.execute(effect.insert().values(event_id=envelope.id))


async def main(database_url: str, bootstrap: str, topic: str, kill_after: int) -> None:
    settings = BaseServiceSettings(
        service_name="crashprobe",
        database_url=database_url,
        kafka_bootstrap_servers=bootstrap,
        kafka_idempotence=False,
        kafka_create_topics=False,
        migrate_on_start=False,
        roles="consumer",
        consumer_backoff_seconds=0.01,
    )
    handlers = HandlerRegistry()
    handlers.register(event_class(topic), record_effect)
    parts = ServiceParts(
        settings=settings,
        title="crash probe",
        description="",
        version="0",
        metadata=metadata,
        outbox_table=outbox,
        inbox_table=inbox,
        migrations_dir=Path("."),
        routers=[],
        handlers=handlers,
    )
    commits = 0

    async def after_commit(_record: object) -> None:
        nonlocal commits
        commits += 1
        if commits == kill_after:
            # Dies after the database commit and before the offset commit.
            os.kill(os.getpid(), signal.SIGKILL)

    runtime = ServiceRuntime(parts, after_commit=after_commit)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with runtime.background(frozenset({"consumer"})):
        await stop.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("database_url")
    parser.add_argument("bootstrap")
    parser.add_argument("topic")
    parser.add_argument("--kill-after", type=int, default=0)
    args = parser.parse_args()
    asyncio.run(main(args.database_url, args.bootstrap, args.topic, args.kill_after))
