"""A tiny schema and event for exercising the backbone without any service."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.messaging import Inbox, Outbox, Relay, inbox_table, outbox_table
from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.persistence import UnitOfWork, create_engine, make_metadata
from inburgering.shared.persistence.database import session_factory

SOURCE = "urn:nld:oin:00000000000000000001:systeem:inburgering-proef"


@dataclass(frozen=True)
class ProefSchema:
    metadata: MetaData
    outbox: Table
    inbox: Table
    effect: Table


def build_schema() -> ProefSchema:
    metadata = make_metadata()
    effect = Table(
        "effect",
        metadata,
        # No unique key on purpose: only the inbox may prevent a second effect.
        Column("position", Integer, primary_key=True, autoincrement=True),
        Column("dossier_id", String(100), nullable=False),
        Column("volgnummer", Integer, nullable=False),
    )
    return ProefSchema(metadata, outbox_table(metadata), inbox_table(metadata), effect)


SCHEMA = build_schema()


class ProefEvent(IntegrationEvent):
    """Base of the per-test event types; each test gets a subclass with its own topic."""

    aggregate_type = "dossier"
    key_field = "dossier_id"

    dossier_id: str
    gemeentecode: str
    volgnummer: int


def event_on(topic_name: str, type_name: str = "dossier-bijgewerkt") -> type[ProefEvent]:
    """An event type published on `topic_name` (IntegrationEvent.topic is a ClassVar)."""

    class DossierBijgewerkt(ProefEvent):
        event_name = type_name
        topic = topic_name

    return DossierBijgewerkt


async def record_effect(uow: UnitOfWork, event: ProefEvent, _envelope: object = None) -> None:
    """The state change of these tests, and the consumer tests' handler: one row per event."""
    await uow.session.execute(
        insert(SCHEMA.effect).values(dossier_id=event.dossier_id, volgnummer=event.volgnummer)
    )


def envelope_for(event: ProefEvent, **overrides: Any) -> Envelope:
    """The envelope an upstream relay would send for this event."""
    fields: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "source": SOURCE,
        "type": event.event_type(),
        "time": datetime.now(UTC),
        "gemeentecode": event.gemeentecode,
        "data": event.to_data(),
        "key": event.partition_key(),
    }
    fields.update(overrides)
    return Envelope(**fields)


@dataclass
class Backbone:
    """One service's side of the backbone: its database, outbox, inbox and relay."""

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    service_name: str

    @classmethod
    async def create(cls, url: str, service_name: str) -> Backbone:
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(SCHEMA.metadata.create_all)
        return cls(engine, session_factory(engine), service_name)

    @staticmethod
    def consumer_name_of(service_name: str) -> str:
        return f"{service_name}.inbox"

    @property
    def consumer_name(self) -> str:
        return self.consumer_name_of(self.service_name)

    @property
    def outbox(self) -> Outbox:
        return Outbox(SCHEMA.outbox, self.service_name)

    @property
    def inbox(self) -> Inbox:
        return Inbox(SCHEMA.inbox, self.consumer_name)

    def uow(self) -> UnitOfWork:
        # No on_commit hook: only LISTEN/NOTIFY or polling can wake a relay.
        return UnitOfWork(self.sessions, self.outbox)

    def relay(self, producer: Any, **options: Any) -> Relay:
        options.setdefault("service_name", self.service_name)
        return Relay(self.engine, SCHEMA.outbox, producer, source=SOURCE, **options)

    async def commit_event(self, *events: ProefEvent) -> None:
        """State changes and their events, in one unit of work."""
        async with self.uow() as uow:
            for event in events:
                await record_effect(uow, event)
                await uow.publish(event)
            await uow.commit()

    async def count(self, table: Table, *where: Any) -> int:
        query = select(func.count()).select_from(table).where(*where)
        async with self.engine.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def rows(self, table: Table, *where: Any) -> list[dict[str, Any]]:
        async with self.engine.connect() as conn:
            result = await conn.execute(select(table).where(*where))
            return [dict(row) for row in result.mappings()]
