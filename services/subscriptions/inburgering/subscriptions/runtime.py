"""This service's own background loops: the webhook delivery worker (scheduler role) and the
per-gemeente topic forwarder (relay role), started through the shared runtime's worker hook."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from aiokafka import AIOKafkaProducer

from inburgering.shared.messaging import broker
from inburgering.shared.runtime import ServiceRuntime
from inburgering.subscriptions.adapters.access_tokens import AccessTokens
from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.adapters.webhook import WebhookClient
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.forwarder import GemeenteTopicForwarder
from inburgering.subscriptions.settings import SubscriptionsSettings


class SubscriptionsRuntime(ServiceRuntime):
    """The shared runtime with typed access to this service's collaborators (used by tests)."""

    @property
    def subscriptions_settings(self) -> SubscriptionsSettings:
        assert isinstance(self.settings, SubscriptionsSettings)
        return self.settings

    @property
    def webhooks(self) -> WebhookClient:
        return self.parts.state["webhooks"]

    @property
    def tokens(self) -> AccessTokens:
        return self.parts.state["tokens"]

    @property
    def credentials(self) -> CredentialBox:
        return self.parts.state["credentials"]


@contextlib.asynccontextmanager
async def own_loops(runtime: ServiceRuntime, roles: frozenset[str]) -> AsyncIterator[None]:
    """Delivery under the scheduler role, per-gemeente topics under the relay role."""
    stop = asyncio.Event()
    tasks: list[asyncio.Task[Any]] = []
    producer: AIOKafkaProducer | None = None
    settings = runtime.settings
    assert isinstance(settings, SubscriptionsSettings)
    try:
        if "scheduler" in roles:
            state = runtime.parts.state
            delivery = DeliveryWorker(
                runtime.uow,
                state["webhooks"],
                settings,
                clock=runtime.parts.clock,
                tokens=state["tokens"],
                box=state["credentials"],
            )
            tasks.append(asyncio.create_task(delivery.run(stop), name="delivery"))
        if "relay" in roles:
            producer = broker.make_producer(settings)
            await producer.start()
            forwarder = GemeenteTopicForwarder(runtime.engine, producer, settings)
            tasks.append(asyncio.create_task(forwarder.run(stop), name="forwarder"))
        yield
    finally:
        stop.set()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(task, timeout=10)
        if producer is not None:
            await producer.stop()
