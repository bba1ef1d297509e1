"""The inbox: which events a consumer has handled, and how."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


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
