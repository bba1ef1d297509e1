"""The consumer loop: inbox in the same transaction as the effects, offsets committed after."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from aiokafka.errors import CommitFailedError, KafkaError
from opentelemetry.trace import SpanKind
from pydantic import ValidationError

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.logboek import Logboek, Logregel
from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.messaging.errors import InvalidEnvelope, InvalidEventData, TenantMismatch
from inburgering.shared.messaging.inbox import Inbox, Outcome
from inburgering.shared.messaging.registry import (
    E,
    HandlerRegistry,
    Registration,
    dead_letter_topic,
)
from inburgering.shared.observability.metrics import CONSUMER_EVENTS, CONSUMER_LAG
from inburgering.shared.observability.traces import span
from inburgering.shared.persistence.availability import database_unavailable, wait_out
from inburgering.shared.persistence.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)
# The longest pause between tries while the database is away.
_MAX_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class _Ready:
    """A record that parsed and has a handler: ready to be applied."""

    record: ConsumerRecord
    envelope: Envelope
    event: IntegrationEvent
    registration: Registration[Any]


class Consumer:
    """At-least-once delivery, exactly-once effects; poison goes to the dead-letter topic."""

    def __init__(
        self,
        name: str,
        registry: HandlerRegistry,
        uow_factory: Callable[[], UnitOfWork],
        inbox: Inbox,
        dead_letters: AIOKafkaProducer,
        *,
        max_attempts: int = 5,
        backoff_seconds: float = 0.2,
        after_commit: Callable[[ConsumerRecord], Awaitable[None]] | None = None,
        logboek: Logboek | None = None,
    ) -> None:
        self.name = name
        self._logboek = logboek
        self._registry = registry
        self._uow_factory = uow_factory
        self._inbox = inbox
        self._dead_letters = dead_letters
        self._max_attempts = max_attempts
        self._backoff_seconds = backoff_seconds
        # Test seam: runs after the database commit and before the offset commit.
        self._after_commit = after_commit
        self.handled_total = 0
        self.dead_lettered_total = 0

    @property
    def dead_letter_topic(self) -> str:
        return dead_letter_topic(self.name)

    async def run(self, kafka: AIOKafkaConsumer, stop: asyncio.Event) -> None:
        """Poll, handle every record of the batch, then commit the batch's offsets."""
        while not stop.is_set():
            batches = await kafka.getmany(timeout_ms=500, max_records=500)
            if not batches:
                continue
            await self.handle_batch([r for records in batches.values() for r in records])
            try:
                await kafka.commit()
            except (CommitFailedError, KafkaError) as exc:
                # A rebalance took the partitions away; their new owner gets the records again
                # and the inbox turns them into no-ops.
                log.warning("consumer.commit_failed", consumer=self.name, error=type(exc).__name__)
            await self._measure_lag(kafka)

    async def _measure_lag(self, kafka: AIOKafkaConsumer) -> None:
        for partition in kafka.assignment():
            highwater = kafka.highwater(partition)
            if highwater is None:
                continue
            position = await kafka.position(partition)
            CONSUMER_LAG.labels(self._service, partition.topic, str(partition.partition)).set(
                max(highwater - position, 0)
            )

    @property
    def _service(self) -> str:
        return self.name.split(".")[0]

    def _count(self, event_type: str, outcome: str) -> None:
        CONSUMER_EVENTS.labels(self._service, event_type, outcome).inc()

    async def handle(self, record: ConsumerRecord) -> None:
        """Apply one record on its own: retried with backoff, then dead-lettered."""
        ready = await self._prepare(record)
        if ready is not None:
            await self._apply_traced(ready)

    async def handle_batch(self, records: Sequence[ConsumerRecord]) -> None:
        """Apply a poll's records in one transaction, the way a single record is applied; if any
        of them fails, roll back and apply them one by one so only the culprit is retried."""
        prepared = [await self._prepare(record) for record in records]
        ready = [item for item in prepared if item is not None]
        if len(ready) <= 1:
            for item in ready:
                await self._apply_traced(item)
            return
        outcomes: list[tuple[_Ready, bool]] = []
        current: _Ready | None = None
        try:
            async with self._uow_factory() as uow:
                # A poll costs three statements besides the handlers' own: the inbox rows, the
                # gemeenten the people were processed for, and the logregels.
                fresh_keys = await self._inbox.record_many(
                    uow.session, [item.envelope for item in ready], Outcome.PROCESSED
                )
                known = await self._known_gemeenten(uow, ready)
                regels: list[Logregel] = []
                for item in ready:
                    key = (item.envelope.source, item.envelope.id)
                    fresh = key in fresh_keys
                    fresh_keys.discard(key)  # the same event twice in one poll: once
                    if fresh:
                        current = item
                        with _consumer_span(item.envelope):
                            regel = await self._handle(uow, item, known)
                        if regel is not None:
                            regels.append(regel)
                            known.setdefault(regel.betrokkene, item.envelope.gemeentecode)
                    outcomes.append((item, fresh))
                current = None
                if regels and self._logboek is not None:
                    await self._logboek.vastleggen(uow.session, regels)
                await uow.commit()
        except Exception as exc:
            log.info("consumer.batch_fallback", consumer=self.name, error=type(exc).__name__)
            for item in ready:
                # The batch was the culprit's first attempt; the others start afresh.
                await self._apply_traced(item, attempts_used=1 if item is current else 0)
            return
        for item, fresh in outcomes:
            await self._done(item, fresh)

    async def _prepare(self, record: ConsumerRecord) -> _Ready | None:
        """Parse and look up a record; what cannot be applied is parked or recorded here."""
        try:
            envelope = Envelope.from_kafka(record.headers, record.key, record.value)
        except InvalidEnvelope as exc:
            await self._dead_letter(record, None, f"invalid-envelope: {exc}")
            return None
        registration = self._registry.get(envelope.type)
        if registration is None:
            await self._record_only(envelope, Outcome.UNKNOWN_TYPE, "no handler for this type")
            self._count(envelope.type, "unknown-type")
            log.info("consumer.unknown_type", consumer=self.name, event_type=envelope.type)
            return None
        try:
            event = _parse(registration.model, envelope)
        except (InvalidEventData, TenantMismatch) as exc:
            await self._dead_letter(record, envelope, f"{type(exc).__name__}: {exc}")
            return None
        return _Ready(record, envelope, event, registration)

    async def _known_gemeenten(
        self, uow: UnitOfWork, items: Sequence[_Ready]
    ) -> dict[uuid.UUID, str]:
        """The gemeente each person of these events was processed for here before."""
        if self._logboek is None:
            return {}
        people = [
            betrokkene
            for item in items
            if isinstance(betrokkene := getattr(item.event, "inburgeraar_id", None), uuid.UUID)
        ]
        return await self._logboek.bekende_gemeenten(uow.session, people)

    def _check_tenant(self, item: _Ready, known: dict[uuid.UUID, str]) -> None:
        """An inburgeraar id belongs to one gemeente for good (a move makes a new one), so an
        event that names another gemeente than the one this service processed the person for is
        mis-keyed or forged: it must not touch that gemeente's case. Read in the effects'
        transaction, so it costs one indexed query and no transaction of its own."""
        betrokkene = getattr(item.event, "inburgeraar_id", None)
        if self._logboek is None or betrokkene is None:
            return
        gemeentecode = item.envelope.gemeentecode
        if known.get(betrokkene, gemeentecode) != gemeentecode:
            raise TenantMismatch("the inburgeraar belongs to another gemeente here")

    async def _apply_traced(self, item: _Ready, attempts_used: int = 0) -> None:
        with _consumer_span(item.envelope):
            await self._apply(item, attempts_used)

    async def _record_processed(self, uow: UnitOfWork, envelope: Envelope) -> bool:
        return await self._inbox.record(
            uow.session,
            source=envelope.source,
            event_id=envelope.id,
            event_type=envelope.type,
            outcome=Outcome.PROCESSED,
        )

    async def _handle(
        self, uow: UnitOfWork, item: _Ready, known: dict[uuid.UUID, str]
    ) -> Logregel | None:
        """The tenant check and the handler's effects; the logregel for the caller to write in
        the same transaction."""
        start = datetime.now(UTC)
        self._check_tenant(item, known)
        await item.registration.handler(uow, item.event, item.envelope)
        if self._logboek is None:
            return None
        return self._logboek.regel_voor_gebeurtenis(item.event, item.envelope, start)

    async def _done(self, item: _Ready, fresh: bool) -> None:
        if not fresh:
            log.info("consumer.duplicate", consumer=self.name, event_id=item.envelope.id)
            self._count(item.envelope.type, "duplicate")
            return
        self.handled_total += 1
        self._count(item.envelope.type, "processed")
        if self._after_commit is not None:
            await self._after_commit(item.record)

    async def _apply(self, item: _Ready, attempts_used: int = 0) -> None:
        """Apply with retries; a database that is away is waited out and costs no attempt, so
        an event is parked only for a fault of its own."""
        envelope = item.envelope
        failures = attempts_used
        delay = away = self._backoff_seconds
        last_error = "attempts exhausted"
        while failures < self._max_attempts:
            try:
                async with self._uow_factory() as uow:
                    fresh = await self._record_processed(uow, envelope)
                    if fresh:
                        known = await self._known_gemeenten(uow, [item])
                        regel = await self._handle(uow, item, known)
                        if regel is not None and self._logboek is not None:
                            await self._logboek.vastleggen(uow.session, [regel])
                        await uow.commit()
                await self._done(item, fresh)
                return
            except TenantMismatch as exc:
                # Not a passing failure: retrying cannot make it right.
                await self._dead_letter(item.record, envelope, f"TenantMismatch: {exc}")
                return
            except Exception as exc:
                if database_unavailable(exc):
                    log.warning(
                        "consumer.database_unavailable",
                        consumer=self.name,
                        event_id=envelope.id,
                        error=type(exc).__name__,
                    )
                    await asyncio.sleep(away)
                    away = min(away * 2, _MAX_WAIT_SECONDS)
                    continue
                failures += 1
                last_error = type(exc).__name__
                log.warning(
                    "consumer.attempt_failed",
                    consumer=self.name,
                    event_id=envelope.id,
                    event_type=envelope.type,
                    attempt=failures,
                    error=last_error,
                )
                if failures < self._max_attempts:
                    await asyncio.sleep(delay)
                    delay *= 2
        await self._dead_letter(item.record, envelope, f"handler-failed: {last_error}")

    async def _record_only(self, envelope: Envelope, outcome: Outcome, detail: str) -> None:
        await self._record_outcome(envelope.source, envelope.id, envelope.type, outcome, detail)

    async def _record_outcome(
        self, source: str, event_id: str, event_type: str, outcome: Outcome, detail: str
    ) -> None:
        """An inbox row without effects; waits for a database that is away instead of letting
        the consumer (and with it the process) die."""

        async def record() -> None:
            async with self._uow_factory() as uow:
                await self._inbox.record(
                    uow.session,
                    source=source,
                    event_id=event_id,
                    event_type=event_type,
                    outcome=outcome,
                    detail=detail,
                )
                await uow.commit()

        await wait_out(record, what=f"{self.name} inbox", max_seconds=_MAX_WAIT_SECONDS)

    async def _dead_letter(
        self, record: ConsumerRecord, envelope: Envelope | None, reason: str
    ) -> None:
        """Park the record unchanged, with why, on the dead-letter topic; the partition moves on."""
        headers = [
            *(record.headers or ()),
            ("dlq_reason", reason.encode()[:500]),
            ("dlq_consumer", self.name.encode()),
            ("dlq_topic", record.topic.encode()),
            ("dlq_partition", str(record.partition).encode()),
            ("dlq_offset", str(record.offset).encode()),
        ]
        await self._dead_letters.send_and_wait(
            self.dead_letter_topic, value=record.value, key=record.key, headers=headers
        )
        # Parked first, recorded after: if the process dies in between, the redelivered record
        # is parked again (a duplicate on the dead-letter topic, recognisable by its offset
        # headers) rather than recorded as parked without being there.
        await self._record_outcome(
            envelope.source if envelope else f"kafka:{record.topic}",
            envelope.id if envelope else f"{record.partition}:{record.offset}",
            envelope.type if envelope else "unreadable",
            Outcome.DEAD_LETTERED,
            reason[:1000],
        )
        self.dead_lettered_total += 1
        outcome = "tenant-mismatch" if reason.startswith("TenantMismatch") else "dead-lettered"
        self._count(envelope.type if envelope else "unreadable", outcome)
        log.error("consumer.dead_lettered", consumer=self.name, reason=reason.split(":")[0])


def _consumer_span(envelope: Envelope) -> AbstractContextManager[str]:
    return span(f"{envelope.type} process", envelope.traceparent, SpanKind.CONSUMER)


def _parse(model: type[E], envelope: Envelope) -> E:
    try:
        event = model.model_validate(envelope.data)
    except ValidationError as exc:
        # Only locations and error types: the input values never reach logs or headers.
        problems = ", ".join(
            f"{'.'.join(map(str, e['loc']))}:{e['type']}" for e in exc.errors(include_input=False)
        )
        raise InvalidEventData(problems) from None
    carried = getattr(event, "gemeentecode", None)
    if carried is not None and carried != envelope.gemeentecode:
        raise TenantMismatch("data gemeentecode differs from the envelope's")
    return event
