"""Publishes committed outbox rows to Kafka, in order, then marks them published."""

from __future__ import annotations

import asyncio
import contextlib
import zlib
from datetime import UTC, datetime, timedelta

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Table,
    any_,
    bindparam,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.messaging.outbox import notify_channel
from inburgering.shared.observability.metrics import (
    OUTBOX_BACKLOG,
    OUTBOX_OLDEST_AGE,
    RELAY_PUBLISHED,
)

log = structlog.get_logger(__name__)


# How often a relay tries to LISTEN again after PostgreSQL ended its connection.
LISTEN_RETRY_SECONDS = 2.0


class Relay:
    """One relay per service is active at a time (a PostgreSQL advisory lock); others stand by.

    Rows are claimed with FOR UPDATE SKIP LOCKED, published with acks=all and marked in the
    same transaction, so a crash before the mark republishes (at-least-once) and never loses.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        table: Table,
        producer: AIOKafkaProducer,
        *,
        service_name: str,
        source: str,
        batch_size: int = 500,
        poll_seconds: float = 1.0,
        retention: timedelta = timedelta(hours=72),
    ) -> None:
        self._engine = engine
        self._table = table
        self._producer = producer
        self._service_name = service_name
        self._source = source
        self._batch_size = batch_size
        self._poll_seconds = poll_seconds
        self._retention = retention
        self._lock_key = zlib.crc32(f"outbox-relay:{service_name}".encode())
        self.wake = asyncio.Event()
        self.published_total = 0
        self._listener: asyncpg.Connection | None = None

    @property
    def _postgres(self) -> bool:
        return self._engine.dialect.name == "postgresql"

    async def publish_batch(self) -> int:
        """Claim, publish and mark one batch; returns how many rows were published."""
        async with self._engine.connect() as conn, conn.begin():
            if self._postgres and not await self._leader(conn):
                return 0
            query = (
                select(self._table)
                .where(self._table.c.published_at.is_(None))
                .order_by(self._table.c.position)
                .limit(self._batch_size)
            )
            if self._postgres:
                query = query.with_for_update(skip_locked=True)
            rows = (await conn.execute(query)).mappings().all()
            if not rows:
                return 0
            pending = []
            for row in rows:
                envelope = Envelope(
                    id=str(row["id"]),
                    source=self._source,
                    type=row["event_type"],
                    time=row["created_at"],
                    gemeentecode=row["gemeentecode"],
                    data=row["payload"],
                    key=row["aggregate_id"],
                    traceparent=row["traceparent"],
                )
                message = envelope.to_kafka()
                pending.append(
                    await self._producer.send(
                        row["topic"],
                        value=message.value,
                        key=row["aggregate_id"].encode(),
                        headers=envelope.kafka_headers(message),
                    )
                )
            await asyncio.gather(*pending)
            await conn.execute(
                update(self._table)
                .where(self._claimed([row["position"] for row in rows]))
                .values(published_at=datetime.now(UTC))
            )
        self.published_total += len(rows)
        for row in rows:
            RELAY_PUBLISHED.labels(self._service_name, row["topic"]).inc()
        return len(rows)

    def _claimed(self, positions: list[int]) -> ColumnElement[bool]:
        # One array parameter keeps PostgreSQL's statement the same for every batch size; an
        # IN list would be a new statement (and plan) per length.
        if self._postgres:
            return self._table.c.position == any_(
                bindparam("positions", positions, type_=ARRAY(BigInteger()))
            )
        return self._table.c.position.in_(positions)

    async def _leader(self, conn: AsyncConnection) -> bool:
        result = await conn.execute(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": self._lock_key}
        )
        return bool(result.scalar())

    async def drain(self) -> int:
        """Publish until the outbox is empty; returns the number published."""
        total = 0
        while published := await self.publish_batch():
            total += published
        return total

    async def backlog(self) -> int:
        count, _oldest = await self._pending()
        return count

    async def _pending(self) -> tuple[int, datetime | None]:
        async with self._engine.connect() as conn:
            count, oldest = (
                await conn.execute(
                    select(func.count(), func.min(self._table.c.created_at)).where(
                        self._table.c.published_at.is_(None)
                    )
                )
            ).one()
        return int(count), oldest

    async def measure_backlog(self) -> None:
        """Backlog and age of the oldest unpublished event, for the operators' dashboards."""
        count, oldest = await self._pending()
        OUTBOX_BACKLOG.labels(self._service_name).set(count)
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        age = (datetime.now(UTC) - oldest).total_seconds() if oldest is not None else 0
        OUTBOX_OLDEST_AGE.labels(self._service_name).set(max(age, 0))

    async def cleanup(self) -> int:
        """Delete published rows older than the retention period."""
        cutoff = datetime.now(UTC) - self._retention
        async with self._engine.begin() as conn:
            result = await conn.execute(
                delete(self._table).where(self._table.c.published_at < cutoff)
            )
        return result.rowcount or 0

    async def run(self, stop: asyncio.Event) -> None:
        """Publish whenever woken (LISTEN/NOTIFY or in-process) or at the polling interval."""
        listener = await self._listen() if self._postgres else None
        cleanup_every = max(1, int(300 / self._poll_seconds))
        loop = asyncio.get_running_loop()
        next_measurement = next_listen = loop.time()
        rounds = 0
        try:
            while not stop.is_set():
                if self._postgres and (listener is None or listener.is_closed()):
                    # PostgreSQL ended the LISTEN connection (restart, failover): listen
                    # again, no more often than every few seconds, and catch up meanwhile.
                    if loop.time() >= next_listen:
                        listener = await self._listen()
                        next_listen = loop.time() + LISTEN_RETRY_SECONDS
                        if listener is not None:
                            log.info("relay.listening_again")
                            self.wake.set()
                self.wake.clear()
                try:
                    await self.drain()
                    if loop.time() >= next_measurement:
                        # Once per poll interval, not on every wake-up: it is a count query.
                        await self.measure_backlog()
                        next_measurement = loop.time() + self._poll_seconds
                    rounds += 1
                    if rounds % cleanup_every == 0:
                        await self.cleanup()
                except Exception:
                    log.exception("relay.publish_failed")
                    await _wait(stop, self._poll_seconds)
                    continue
                await _wait_any(stop, self.wake, self._poll_seconds)
        finally:
            if listener is not None:
                await listener.close()

    @property
    def listening(self) -> bool:
        return self._listener is not None and not self._listener.is_closed()

    async def _listen(self) -> asyncpg.Connection | None:
        url = make_url(self._engine.url.render_as_string(hide_password=False)).set(
            drivername="postgresql"
        )
        try:
            conn = await asyncpg.connect(url.render_as_string(hide_password=False))
        except Exception:
            log.warning("relay.listen_unavailable", fallback="polling")
            return None
        await conn.add_listener(notify_channel(self._service_name), lambda *_args: self.wake.set())
        self._listener = conn
        return conn


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _wait_any(stop: asyncio.Event, wake: asyncio.Event, seconds: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
