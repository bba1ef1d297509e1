"""The leerroute decision through the shared consumer (inbox + handler in one transaction)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inburgering.referrals.adapters.tables import outbox_message, processed_message, verwijzing
from inburgering.shared.messaging import Consumer

from .conftest import FakeDeadLetters, record_of

pytestmark = pytest.mark.integration


async def count(runtime, table) -> int:
    async with runtime.engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(table))).scalar_one()


async def test_redelivered_record_is_applied_once(runtime, besluit, envelope_for):
    dead_letters = FakeDeadLetters()
    consumer = Consumer(
        runtime.consumer_name, runtime.parts.handlers, runtime.uow, runtime.inbox, dead_letters
    )
    record = record_of(envelope_for(besluit()), offset=7)

    await consumer.handle(record)
    await consumer.handle(record)

    assert dead_letters.sent == []
    assert consumer.handled_total == 1
    assert await count(runtime, verwijzing) == 1
    assert await count(runtime, outbox_message) == 1
    assert await count(runtime, processed_message) == 1
