"""After the whole flow, the BSN is nowhere outside intake's encrypted column: not in any record's
key, value or headers on any topic, not in any service's log, not in any API answer."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from tests.e2e.flow import run_skeleton_flow
from tests.e2e.platform import RunningPlatform, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

BSN = "999990093"


async def _all_records(bootstrap: str) -> list[bytes]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        topics = [t for t in await admin.list_topics() if not t.startswith("__")]
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        group_id=f"bsn-scan-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    seen: list[bytes] = []
    try:

        async def drained() -> bool:
            batches = await consumer.getmany(timeout_ms=1000)
            for records in batches.values():
                for record in records:
                    seen.append(record.key or b"")
                    seen.append(record.value or b"")
                    seen.extend(name.encode() + b"=" + value for name, value in record.headers)
            return not batches and len(seen) > 0

        await eventually(drained, timeout=60)
    finally:
        await consumer.stop()
    return seen


async def test_the_bsn_appears_in_no_event_header_key_or_log(
    postgres_platform: RunningPlatform,
) -> None:
    result = await run_skeleton_flow(postgres_platform, bsn=BSN, ambitie="hbo")
    assert result.verwijzing is not None

    records = await _all_records(postgres_platform.bootstrap)

    assert any(result.inburgeraar_id.encode() in part for part in records)
    assert not [part for part in records if BSN.encode() in part]
    for service in postgres_platform.urls:
        assert BSN not in postgres_platform.log(service), f"{service} logged the BSN"
