"""Operators see the flow move in each service's /metrics."""

from __future__ import annotations

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.flow import register_with_intake
from tests.e2e.platform import RunningPlatform, eventually

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]


async def _sample(client: httpx.AsyncClient, url: str, name: str, **labels: str) -> float:
    text = (await client.get(url + "/metrics")).text
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


async def test_counters_move_when_an_inburgeraar_goes_through_intake_and_routes(
    postgres_platform: RunningPlatform,
) -> None:
    intake, routes = postgres_platform.urls["intake"], postgres_platform.urls["routes"]
    async with httpx.AsyncClient(timeout=10) as client:
        requests = ("inburgering_http_request_duration_seconds_count",)
        before_http = await _sample(
            client, intake, *requests, method="POST", route="/v1/inburgeraars", status="201"
        )
        before_published = await _sample(
            client, intake, "inburgering_relay_published_events_total", topic="intake.inburgeraar"
        )
        before_consumed = await _sample(
            client,
            routes,
            "inburgering_consumer_events_total",
            event_type="nl.inburgering.intake-afgerond",
            outcome="processed",
        )

        await register_with_intake(
            client,
            postgres_platform,
            bsn="999990068",
            gemeentecode="GM0772",
            ambitie="werk",
            opleidingsniveau="mbo",
        )

        async def moved() -> bool:
            published = await _sample(
                client,
                intake,
                "inburgering_relay_published_events_total",
                topic="intake.inburgeraar",
            )
            consumed = await _sample(
                client,
                routes,
                "inburgering_consumer_events_total",
                event_type="nl.inburgering.intake-afgerond",
                outcome="processed",
            )
            return published >= before_published + 2 and consumed >= before_consumed + 1

        await eventually(moved, timeout=45)
        after_http = await _sample(
            client, intake, *requests, method="POST", route="/v1/inburgeraars", status="201"
        )
        assert after_http == before_http + 1

        # Other work of the platform (timers, DUO meldingen) may write events meanwhile: the
        # gauge must come down to zero, not be zero at one chosen instant.
        async def drained() -> bool:
            return await _sample(client, intake, "inburgering_outbox_backlog") == 0

        await eventually(drained, timeout=30)
        metrics = (await client.get(intake + "/metrics")).text
        assert "999990068" not in metrics
