"""The inbox: which events a consumer has handled, and how."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

if TYPE_CHECKING:
    from inburgering.shared.messaging.envelope import Envelope


class Outcome(StrEnum):
    PROCESSED = "processed"
    UNKNOWN_TYPE = "unknown-type"
    DEAD_LETTERED = "dead-lettered"


class Inbox:
    """Records `(consumer, source, event id)` in the caller's transaction."""

    def __init__(self, table: Table, consumer: str) -> None:
        self.table = table
        self.consumer = consumer

    async def record(
        self,
        session: AsyncSession,
        *,
        source: str,
        event_id: str,
        event_type: str,
        outcome: Outcome,
        detail: str | None = None,
    ) -> bool:
        """Insert the row; False when this event was recorded before (a redelivery)."""
        insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
        statement = (
            insert(self.table)
            .values(
                consumer=self.consumer,
                source=source,
                event_id=event_id,
                event_type=event_type,
                outcome=str(outcome),
                detail=detail,
                processed_at=datetime.now(UTC),
            )
            .on_conflict_do_nothing(index_elements=["consumer", "source", "event_id"])
        )
        result = await session.execute(statement)
        return result.rowcount == 1

    async def record_many(
        self, session: AsyncSession, envelopes: Sequence[Envelope], outcome: Outcome
    ) -> set[tuple[str, str]]:
        """Insert a row per event in one statement; the (source, id) of those not recorded
        before. An event twice in the list counts once."""
        rows = {
            (envelope.source, envelope.id): {
                "consumer": self.consumer,
                "source": envelope.source,
                "event_id": envelope.id,
                "event_type": envelope.type,
                "outcome": str(outcome),
                "detail": None,
                "processed_at": datetime.now(UTC),
            }
            for envelope in envelopes
        }
        if not rows:
            return set()
        insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
        statement = (
            insert(self.table)
            .on_conflict_do_nothing(index_elements=["consumer", "source", "event_id"])
            .returning(self.table.c.source, self.table.c.event_id)
        )
        result = await session.execute(statement, list(rows.values()))
        return {(source, event_id) for source, event_id in result}
