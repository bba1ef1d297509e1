"""Running the real Consumer loop against the broker for as long as a test needs it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from inburgering.shared.messaging import Consumer, HandlerRegistry
from shared.tests.integration.backbone import Backbone


def consumer_for(
    backbone: Backbone, registry: HandlerRegistry, dead_letters: AIOKafkaProducer, **options: Any
) -> Consumer:
    options.setdefault("max_attempts", 3)
    options.setdefault("backoff_seconds", 0.01)
    return Consumer(
        backbone.consumer_name, registry, backbone.uow, backbone.inbox, dead_letters, **options
    )


def kafka_consumer(bootstrap: str, group: str, *topics: str) -> AIOKafkaConsumer:
    """Manual commits from the earliest offset, as the services configure theirs."""
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        # The broker holds a JoinGroup for half the session timeout; keep test start-up short.
        session_timeout_ms=3000,
        heartbeat_interval_ms=300,
    )


@dataclass
class Running:
    task: asyncio.Task[None]

    async def until(self, check: Callable[[], Awaitable[bool]], *, within: float = 20) -> None:
        """Poll `check` until it holds; fail at the deadline or when the loop dies."""
        deadline = time.monotonic() + within
        while not await check():
            if self.task.done():
                self.task.result()
                raise AssertionError("the consumer loop stopped")
            if time.monotonic() > deadline:
                raise AssertionError("condition not met before the deadline")
            await asyncio.sleep(0.05)


@asynccontextmanager
async def running(
    consumer: Consumer, bootstrap: str, group: str, *topics: str
) -> AsyncIterator[Running]:
    """Consumer.run in the background; leaving the block stops it after its current batch."""
    kafka = kafka_consumer(bootstrap, group, *topics)
    await kafka.start()
    stop = asyncio.Event()
    task = asyncio.create_task(consumer.run(kafka, stop))
    try:
        yield Running(task)
    finally:
        stop.set()
        try:
            await asyncio.wait_for(task, 10)
        finally:
            await kafka.stop()
