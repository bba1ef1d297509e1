"""A trace started at the intake API follows the inburgeraar's events through the consumers."""

from __future__ import annotations

import secrets
import uuid

import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from tests.e2e.flow import register_with_intake
from tests.e2e.platform import RunningPlatform, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


async def _headers_of(bootstrap: str, topic: str, key: str, event_type: str) -> dict[str, str]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"trace-probe-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:

        async def found() -> dict[str, str] | None:
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    headers = {k: v.decode() for k, v in record.headers}
                    if record.key == key.encode() and headers.get("ce_type") == event_type:
                        return headers
            return None

        return await eventually(found, timeout=45)
    finally:
        await consumer.stop()


async def test_trace_id_given_to_intake_reaches_the_events_of_the_next_service(
    postgres_platform: RunningPlatform,
) -> None:
    trace_id = secrets.token_hex(16)
    traceparent = f"00-{trace_id}-{secrets.token_hex(8)}-01"
    async with httpx.AsyncClient(timeout=10) as client:
        inburgeraar_id = await register_with_intake(
            client,
            postgres_platform,
            bsn="999990020",
            gemeentecode="GM0772",
            ambitie="werk",
            opleidingsniveau="mbo",
            headers={"traceparent": traceparent},
        )

    afgerond = await _headers_of(
        postgres_platform.bootstrap,
        "intake.inburgeraar",
        inburgeraar_id,
        "nl.inburgering.intake-afgerond",
    )
    geadviseerd = await _headers_of(
        postgres_platform.bootstrap,
        "routes.leerroute",
        inburgeraar_id,
        "nl.inburgering.leerroute-geadviseerd",
    )

    assert afgerond["ce_traceparent"].split("-")[1] == trace_id
    assert geadviseerd["ce_traceparent"].split("-")[1] == trace_id
    # Each hop is its own span within the trace.
    assert afgerond["ce_traceparent"] != traceparent
    assert geadviseerd["ce_traceparent"] != afgerond["ce_traceparent"]
