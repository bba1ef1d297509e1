"""What every service process is made of; each service's bootstrap fills in its own parts."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from fastapi import APIRouter, FastAPI
from sqlalchemy import MetaData, Table, text
from starlette.middleware import Middleware

from inburgering.shared.auth.tokens import TokenVerifier
from inburgering.shared.http.app import create_app
from inburgering.shared.http.idempotency import IdempotencyMiddleware
from inburgering.shared.logboek import Logboek
from inburgering.shared.logboek.api import router as logboek_router
from inburgering.shared.logboek.http import LogboekMiddleware
from inburgering.shared.messaging import broker
from inburgering.shared.messaging.consumer import Consumer
from inburgering.shared.messaging.inbox import Inbox
from inburgering.shared.messaging.outbox import Outbox
from inburgering.shared.messaging.registry import HandlerRegistry, dead_letter_topic
from inburgering.shared.messaging.relay import Relay
from inburgering.shared.persistence import migrations, tenancy
from inburgering.shared.persistence.database import create_engine, session_factory
from inburgering.shared.persistence.request_transaction import RequestTransaction
from inburgering.shared.persistence.unit_of_work import UnitOfWork
from inburgering.shared.scheduling.timers import Clock, TimerRegistry, TimerScheduler, utc_now
from inburgering.shared.settings import BaseServiceSettings

log = structlog.get_logger(__name__)

Seeder = Callable[[UnitOfWork], Awaitable[None]]
# A service's own background loop: entered with the runtime and the roles this process runs,
# it starts what those roles need and stops it on exit.
Worker = Callable[["ServiceRuntime", frozenset[str]], contextlib.AbstractAsyncContextManager[None]]


@dataclass
class ServiceParts:
    """The service-specific pieces the shared runtime wires together."""

    settings: BaseServiceSettings
    title: str
    description: str
    version: str
    metadata: MetaData
    outbox_table: Table
    inbox_table: Table
    migrations_dir: Path
    routers: Sequence[APIRouter]
    handlers: HandlerRegistry = field(default_factory=HandlerRegistry)
    publishes: Sequence[str] = ()
    seed: Seeder | None = None
    timers: TimerRegistry | None = None
    clock: Clock = utc_now
    workers: Sequence[Worker] = ()
    # The processing log (Logboek Dataverwerkingen): its API, the HTTP and consumer records.
    logboek: Logboek | None = None
    # The table of `Idempotency-Key`s; None: the header is ignored.
    idempotency: Table | None = None
    # How a request is recognised again; keyed where bodies carry a BSN or health data.
    idempotency_fingerprint: Callable[[bytes], str] | None = None
    # Service-specific collaborators the API reads from `request.app.state`.
    state: dict[str, Any] = field(default_factory=dict)


class ServiceRuntime:
    """Engine, unit of work, relay and consumer of one service: the composition root's product."""

    def __init__(
        self,
        parts: ServiceParts,
        *,
        after_commit: Callable[[ConsumerRecord], Awaitable[None]] | None = None,
    ) -> None:
        self.parts = parts
        self.settings = parts.settings
        self.engine = create_engine(self.settings.effective_database_url)
        self.sessions = session_factory(self.engine)
        self.outbox = Outbox(parts.outbox_table, self.settings.service_name)
        self.consumer_name = f"{self.settings.service_name}.inbox"
        self.inbox = Inbox(parts.inbox_table, self.consumer_name)
        self.token_verifier = TokenVerifier(self.settings)
        self.relay: Relay | None = None
        self.scheduler: TimerScheduler | None = None
        self.consumer: Consumer | None = None
        self._after_commit = after_commit
        self._wake_relay: Callable[[], None] | None = None

    def uow(self, request: RequestTransaction | None = None) -> UnitOfWork:
        """A unit of work; within an API request it joins the request's transaction."""
        return UnitOfWork(self.sessions, self.outbox, on_commit=self._on_commit, request=request)

    def _on_commit(self) -> None:
        if self.relay is not None:
            self.relay.wake.set()

    async def migrate(self) -> None:
        await asyncio.to_thread(
            migrations.upgrade,
            self.parts.migrations_dir,
            self.settings.effective_migration_database_url,
            grant_to=self.settings.app_database_role,
        )

    async def prepare(self) -> None:
        """Start-up work shared by all roles: migrations (development), topics, seed data."""
        if self.settings.migrate_on_start:
            await self.migrate()
        if self.settings.kafka_create_topics:
            topics = {*self.parts.publishes, *self.parts.handlers.topics}
            if self.parts.handlers.topics:
                topics.add(dead_letter_topic(self.consumer_name))
            await broker.ensure_topics(self.settings, topics)
        if self.parts.seed is not None:
            with tenancy.as_platform():
                async with self.uow() as uow:
                    await self.parts.seed(uow)
                    await uow.commit()

    async def ready(self) -> dict[str, bool]:
        checks = {"database": False, "broker": False}
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            checks["database"] = True
        except Exception:
            log.warning("ready.database_unreachable")
        checks["broker"] = await broker.ping(self.settings)
        return checks

    @contextlib.asynccontextmanager
    async def background(self, roles: frozenset[str]) -> AsyncIterator[None]:
        """Run the relay and/or consumer roles until the context exits; they act for the
        platform, so their transactions see every gemeente (tasks inherit the scope)."""
        with tenancy.as_platform():
            async with self._background(roles):
                yield

    @contextlib.asynccontextmanager
    async def _background(self, roles: frozenset[str]) -> AsyncIterator[None]:
        stop = asyncio.Event()
        tasks: list[asyncio.Task[Any]] = []
        producer: AIOKafkaProducer | None = None
        kafka_consumer: AIOKafkaConsumer | None = None
        try:
            if "relay" in roles or ("consumer" in roles and self.parts.handlers.topics):
                producer = broker.make_producer(self.settings)
                await producer.start()
            if "relay" in roles:
                assert producer is not None
                self.relay = Relay(
                    self.engine,
                    self.parts.outbox_table,
                    producer,
                    service_name=self.settings.service_name,
                    source=self.settings.event_source,
                    batch_size=self.settings.relay_batch_size,
                    poll_seconds=self.settings.relay_poll_seconds,
                    retention=timedelta(hours=self.settings.outbox_retention_hours),
                )
                tasks.append(asyncio.create_task(self.relay.run(stop), name="relay"))
            if "consumer" in roles and self.parts.handlers.topics:
                assert producer is not None
                self.consumer = Consumer(
                    self.consumer_name,
                    self.parts.handlers,
                    self.uow,
                    self.inbox,
                    producer,
                    max_attempts=self.settings.consumer_max_attempts,
                    backoff_seconds=self.settings.consumer_backoff_seconds,
                    after_commit=self._after_commit,
                    logboek=self.parts.logboek,
                )
                kafka_consumer = broker.make_consumer(
                    self.settings, self.consumer_name, sorted(self.parts.handlers.topics)
                )
                tasks.append(
                    asyncio.create_task(
                        _start_then_run(self.consumer, kafka_consumer, stop), name="consumer"
                    )
                )
            if "scheduler" in roles and self.parts.timers is not None:
                self.scheduler = TimerScheduler(
                    self.parts.timers,
                    self.uow,
                    clock=self.parts.clock,
                    poll_seconds=self.settings.timer_poll_seconds,
                    service=self.settings.service_name,
                )
                tasks.append(asyncio.create_task(self.scheduler.run(stop), name="scheduler"))
            for task in tasks:
                task.add_done_callback(_log_crash)
            async with contextlib.AsyncExitStack() as workers:
                for worker in self.parts.workers:
                    await workers.enter_async_context(worker(self, roles))
                yield
        finally:
            stop.set()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(task, timeout=10)
            if kafka_consumer is not None:
                await kafka_consumer.stop()  # commits nothing new: offsets follow DB commits
            if producer is not None:
                await producer.stop()

    def create_app(self) -> FastAPI:
        roles = self.settings.role_set

        @contextlib.asynccontextmanager
        async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
            await self.prepare()
            async with self.background(roles):
                yield
            await self.engine.dispose()

        routers = list(self.parts.routers) if "api" in roles else []
        inner: list[Middleware] = []
        logboek = self.parts.logboek
        if logboek is not None:
            if routers:
                routers.append(logboek_router)
            inner.append(Middleware(LogboekMiddleware, logboek=logboek, sessions=self.sessions))
        if self.parts.idempotency is not None:
            # Outside the processing log: a replayed answer processed nothing again.
            inner.append(
                Middleware(
                    IdempotencyMiddleware,
                    table=self.parts.idempotency,
                    sessions=self.sessions,
                    verifier=self.token_verifier,
                    fingerprint=self.parts.idempotency_fingerprint,
                )
            )
        return create_app(
            service=self.settings.service_name,
            title=self.parts.title,
            description=self.parts.description,
            version=self.parts.version,
            routers=routers,
            rate_limit=(self.settings.rate_limit_per_minute, self.settings.rate_limit_burst),
            ready_check=self.ready,
            state={
                **self.parts.state,
                "runtime": self,
                "token_verifier": self.token_verifier,
                "logboek": logboek,
            },
            lifespan=lifespan,
            inner_middleware=inner,
            cors_origins=self.settings.cors_origins,
            max_request_bytes=self.settings.max_request_bytes,
        )


async def _start_then_run(consumer: Consumer, kafka: AIOKafkaConsumer, stop: asyncio.Event) -> None:
    # Joining the group can take seconds: the API need not wait for it, nor a shutdown.
    starting = asyncio.ensure_future(kafka.start())
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not starting.done():
        starting.cancel()
        return
    starting.result()
    await consumer.run(kafka, stop)


def _log_crash(task: asyncio.Task[Any]) -> None:
    """A dead relay or consumer must not hide behind a healthy API: stop the process so that its
    supervisor restarts it (uvicorn and the headless runner both shut down cleanly on SIGTERM)."""
    if not task.cancelled() and task.exception() is not None:
        log.error("background.crashed", task=task.get_name(), error=repr(task.exception()))
        os.kill(os.getpid(), signal.SIGTERM)
