"""A timer is a row: scheduled in the transaction that decides the deadline, fired in the
transaction that publishes its event, so it fires exactly once even across crashes."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    Uuid,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from inburgering.shared.observability.metrics import TIMERS_FIRED
from inburgering.shared.persistence.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def timer_table(metadata: MetaData) -> Table:
    return Table(
        "timer",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("name", String(100), nullable=False),
        Column("aggregate_id", String(100), nullable=False),
        Column("due_at", DateTime(timezone=True), nullable=False),
        Column("payload", JSON, nullable=False),
        Column("fired_at", DateTime(timezone=True), nullable=True),
        Column("cancelled_at", DateTime(timezone=True), nullable=True),
        UniqueConstraint("name", "aggregate_id", name="uq_timer_name_aggregate"),
        Index(
            "ix_timer_pending",
            "due_at",
            postgresql_where=text("fired_at IS NULL AND cancelled_at IS NULL"),
            sqlite_where=text("fired_at IS NULL AND cancelled_at IS NULL"),
        ),
    )


@dataclass(frozen=True)
class Timer:
    id: uuid.UUID
    name: str
    aggregate_id: str
    due_at: datetime
    payload: dict[str, Any]


TimerHandler = Callable[[UnitOfWork, Timer], Awaitable[None]]


class Timers:
    """Schedules and cancels timers inside the caller's transaction."""

    def __init__(self, table: Table) -> None:
        self.table = table

    async def schedule(
        self,
        session: AsyncSession,
        *,
        name: str,
        aggregate_id: str,
        due_at: datetime,
        payload: dict[str, Any] | None = None,
        rearm: bool = False,
    ) -> None:
        """Create the timer, or move a pending one; `rearm` also re-arms one that already fired
        (for a deadline that moved later, e.g. an extended termijn)."""
        existing = (
            await session.execute(
                select(self.table.c.id, self.table.c.fired_at).where(
                    self.table.c.name == name, self.table.c.aggregate_id == aggregate_id
                )
            )
        ).first()
        # Stored as UTC so that comparisons hold on SQLite, which keeps no offset.
        values = {"due_at": due_at.astimezone(UTC), "payload": payload or {}, "cancelled_at": None}
        if existing is None:
            await session.execute(
                self.table.insert().values(
                    id=uuid.uuid4(), name=name, aggregate_id=aggregate_id, **values
                )
            )
        elif existing.fired_at is None or rearm:
            await session.execute(
                update(self.table)
                .where(self.table.c.id == existing.id)
                .values(**values, fired_at=None)
            )

    async def cancel(self, session: AsyncSession, *, name: str, aggregate_id: str) -> None:
        await session.execute(
            update(self.table)
            .where(
                self.table.c.name == name,
                self.table.c.aggregate_id == aggregate_id,
                self.table.c.fired_at.is_(None),
            )
            .values(cancelled_at=utc_now())
        )


class TimerRegistry:
    """Which handler fires which timer name; a service's bootstrap fills it."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.handlers: dict[str, TimerHandler] = {}

    def register(self, name: str, handler: TimerHandler) -> None:
        self.handlers[name] = handler


class TimerScheduler:
    """Fires due timers: each in its own transaction with the events its handler publishes."""

    def __init__(
        self,
        registry: TimerRegistry,
        uow_factory: Callable[[], UnitOfWork],
        *,
        clock: Clock = utc_now,
        poll_seconds: float = 5.0,
        service: str = "",
    ) -> None:
        self._service = service
        self._registry = registry
        self._table = registry.table
        self._uow_factory = uow_factory
        self._clock = clock
        self._poll_seconds = poll_seconds
        self.fired_total = 0

    async def fire_due(self) -> int:
        """Fire every timer due now; returns how many fired. A failing handler leaves its timer
        pending for the next round without holding up the others."""
        fired = 0
        failed: set[uuid.UUID] = set()
        while True:
            async with self._uow_factory() as uow:
                timer = await self._claim_one(uow.session, exclude=failed)
                if timer is None:
                    return fired
                try:
                    handler = self._registry.handlers.get(timer.name)
                    if handler is None:
                        log.error("timer.no_handler", name=timer.name)
                    else:
                        await handler(uow, timer)
                    await uow.session.execute(
                        update(self._table)
                        .where(self._table.c.id == timer.id)
                        .values(fired_at=self._clock())
                    )
                    await uow.commit()
                except Exception:
                    log.exception("timer.handler_failed", name=timer.name)
                    failed.add(timer.id)
                    continue
            fired += 1
            self.fired_total += 1
            TIMERS_FIRED.labels(self._service, timer.name).inc()

    async def _claim_one(self, session: AsyncSession, exclude: set[uuid.UUID]) -> Timer | None:
        query = (
            select(self._table)
            .where(
                self._table.c.fired_at.is_(None),
                self._table.c.cancelled_at.is_(None),
                self._table.c.due_at <= self._clock().astimezone(UTC),
                self._table.c.id.not_in(exclude),
            )
            .order_by(self._table.c.due_at)
            .limit(1)
        )
        if session.bind.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        row = (await session.execute(query)).mappings().first()
        if row is None:
            return None
        due_at = row["due_at"] if row["due_at"].tzinfo else row["due_at"].replace(tzinfo=UTC)
        return Timer(row["id"], row["name"], row["aggregate_id"], due_at, row["payload"])

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.fire_due()
            except Exception:
                log.exception("timer.fire_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._poll_seconds)
