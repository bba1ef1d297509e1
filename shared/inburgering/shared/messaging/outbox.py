"""Appending events to the outbox inside the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.shared import tracing
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.observability.traces import producer_traceparent


def notify_channel(service_name: str) -> str:
    return f"outbox_{service_name}"


class Outbox:
    """Writes integration events as outbox rows; the relay publishes them after commit."""

    def __init__(self, table: Table, service_name: str) -> None:
        self.table = table
        self.channel = notify_channel(service_name)

    async def append(
        self, session: AsyncSession, event: IntegrationEvent, *, gemeentecode: str | None = None
    ) -> uuid.UUID:
        event_id = uuid.uuid4()
        traceparent = producer_traceparent(
            f"{event.event_type()} send", tracing.current_traceparent.get()
        )
        gemeentecode = gemeentecode or getattr(event, "gemeentecode", None)
        if not gemeentecode:
            raise ValueError(f"{event.event_type()} needs a responsible gemeentecode")
        await session.execute(
            insert(self.table).values(
                id=event_id,
                topic=event.topic,
                aggregate_type=event.aggregate_type,
                aggregate_id=event.partition_key(),
                event_type=event.event_type(),
                gemeentecode=gemeentecode,
                traceparent=traceparent,
                payload=event.to_data(),
                created_at=datetime.now(UTC),
            )
        )
        return event_id

    async def notify(self, session: AsyncSession) -> None:
        """Wake PostgreSQL listeners; NOTIFY is delivered only when the transaction commits."""
        if session.bind.dialect.name == "postgresql":
            await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": self.channel})
