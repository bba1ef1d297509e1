"""The service's queries also hold on its embedded SQLite default (development without PG)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from inburgering.shared.persistence.migrations import upgrade
from inburgering.subscriptions.bootstrap import build_parts
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.runtime import SubscriptionsRuntime
from inburgering.subscriptions.settings import SubscriptionsSettings

from .conftest import scripted_webhooks


@pytest.fixture
async def runtime(tmp_path: Path, receiver) -> AsyncIterator[SubscriptionsRuntime]:
    settings = SubscriptionsSettings(
        data_dir=tmp_path, roles="api", kafka_create_topics=False, migrate_on_start=False
    )
    webhooks = scripted_webhooks(receiver.handle)
    runtime = SubscriptionsRuntime(build_parts(settings, webhooks=webhooks))
    await asyncio.to_thread(upgrade, runtime.parts.migrations_dir, settings.effective_database_url)
    yield runtime
    await runtime.engine.dispose()


async def test_feed_and_ordered_delivery_work_on_sqlite(
    runtime: SubscriptionsRuntime, client, feed, aangemeld, auth, receiver
) -> None:
    created = await client.post(
        "/abonnementen",
        json={"callbackUrl": "https://ontvanger.example/hook", "auth": "token"},
        headers=auth(),
    )
    assert created.status_code == 201, created.text
    first = aangemeld()
    ids = await feed(first, aangemeld(inburgeraar_id=first.inburgeraar_id), aangemeld("GM0855"))
    worker = DeliveryWorker(runtime.uow, runtime.webhooks, runtime.subscriptions_settings)

    await worker.deliver_due()
    await worker.deliver_due()

    pulled = (await client.get("/gebeurtenissen", headers=auth())).json()
    assert [e["id"] for e in pulled] == ids[:2]
    assert [b["id"] for b in receiver.bodies()] == ids[:2]
