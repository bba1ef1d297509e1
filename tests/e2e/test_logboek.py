"""Logboek Dataverwerkingen across the platform: after one inburgeraar's flow, the gemeente's
privacy officer lists that person's processing in every service, linked by the trace the flow
started at the intake API; the records name no user, and no other gemeente sees them."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
import pytest

from inburgering.shared.auth import Rol
from tests.e2e.flow import FlowResult, random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, eventually, token

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

EINDHOVEN = "GM0772"
OFFICER = token(gemeentecodes=[EINDHOVEN], permissions=["privacy"])
FIELDS = {
    "traceId", "spanId", "parentSpanId", "naam", "startTijd", "eindTijd", "status",
    "verwerkingsactiviteit", "inburgeraarId", "gemeentecode",
}  # fmt: skip


async def _records(
    client: httpx.AsyncClient, platform: RunningPlatform, service: str, subject: str
) -> list[dict[str, Any]]:
    response = await client.get(
        platform.url(service, "/v1/dataverwerkingen"),
        params={"inburgeraarId": subject, "limit": 500},
        headers=OFFICER,
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _until(
    client: httpx.AsyncClient,
    platform: RunningPlatform,
    service: str,
    subject: str,
    naam: str,
) -> list[dict[str, Any]]:
    async def probe() -> list[dict[str, Any]] | None:
        records = await _records(client, platform, service, subject)
        return records if any(r["naam"] == naam for r in records) else None

    return await eventually(probe, timeout=45)


def _named(records: list[dict[str, Any]], naam: str) -> dict[str, Any]:
    return next(r for r in records if r["naam"] == naam)


async def test_the_officer_lists_one_inburgeraars_processing_in_every_service_by_trace(
    postgres_platform: RunningPlatform,
) -> None:
    trace_id = secrets.token_hex(16)
    flow: FlowResult = await run_skeleton_flow(
        postgres_platform,
        bsn=random_bsn(),
        ambitie="hbo",
        headers={"traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01"},
    )
    subject = flow.inburgeraar_id
    p = postgres_platform
    async with httpx.AsyncClient(timeout=10) as client:
        intake = await _until(client, p, "intake", subject, "POST /v1/inburgeraars")
        brede_intake = _named(intake, "POST /v1/inburgeraars/{inburgeraar_id}/brede-intake")
        routes = await _until(
            client, p, "routes", subject, "nl.inburgering.intake-afgerond verwerken"
        )
        contracts = await _until(
            client, p, "contracts", subject, "nl.inburgering.leerroute-vastgesteld verwerken"
        )
        referrals = await _until(
            client, p, "referrals", subject, "nl.inburgering.leerroute-vastgesteld verwerken"
        )
        subscriptions = await _until(
            client, p, "subscriptions", subject, "nl.inburgering.intake-afgerond verwerken"
        )

    # The trace given to the intake API runs through the intake's records and, over Kafka, into
    # the routes service's processing of intake-afgerond and the subscription service's delivery.
    assert _named(intake, "POST /v1/inburgeraars")["traceId"] == trace_id
    assert brede_intake["traceId"] == trace_id
    assert brede_intake["verwerkingsactiviteit"].endswith(":brede-intake")
    advies = _named(routes, "nl.inburgering.intake-afgerond verwerken")
    assert advies["traceId"] == trace_id
    assert advies["verwerkingsactiviteit"].endswith(":leerroute-bepalen")
    assert _named(subscriptions, "nl.inburgering.intake-afgerond verwerken")["traceId"] == trace_id
    # The decision started a trace of its own, which the placement and the referral continue.
    vaststellen = _named(routes, "POST /v1/leerroute-adviezen/{advies_id}/vaststellen")
    for records in (contracts, referrals):
        assert (
            _named(records, "nl.inburgering.leerroute-vastgesteld verwerken")["traceId"]
            == (vaststellen["traceId"])
        )
    # The provider's read of the placement is a processing the gemeente accounts for.
    gelezen = _named(contracts, "GET /v1/plaatsingen/{plaatsing_id}")
    assert gelezen["status"] == "OK"

    everything = intake + routes + contracts + referrals + subscriptions
    for record in everything:
        # Only the standard's fields: no user, client or role in a logregel.
        assert set(record) == FIELDS
        assert record["inburgeraarId"] == subject
        assert record["gemeentecode"] == EINDHOVEN
        assert len(record["traceId"]) == 32 and len(record["spanId"]) == 16
        assert "dev-client" not in str(record.values())
    # One span per action: no two records share a span.
    assert len({r["spanId"] for r in everything}) == len(everything)


async def test_the_officers_own_query_is_a_processing_too(
    postgres_platform: RunningPlatform,
) -> None:
    flow = await run_skeleton_flow(postgres_platform, bsn=random_bsn(), ambitie="werk")
    async with httpx.AsyncClient(timeout=10) as client:
        await _records(client, postgres_platform, "intake", flow.inburgeraar_id)
        records = await _records(client, postgres_platform, "intake", flow.inburgeraar_id)
    raadplegingen = [r for r in records if r["naam"] == "GET /v1/dataverwerkingen"]
    assert raadplegingen and all(
        r["verwerkingsactiviteit"].endswith(":logboek-raadplegen") for r in raadplegingen
    )


async def test_only_the_own_gemeentes_privacy_officer_sees_the_records(
    postgres_platform: RunningPlatform,
) -> None:
    flow = await run_skeleton_flow(postgres_platform, bsn=random_bsn(), ambitie="werk")
    subject = flow.inburgeraar_id
    others = {
        "Tilburg's officer": (token(gemeentecodes=["GM0855"], permissions=["privacy"]), 200),
        "Eindhoven without the permission": (token(gemeentecodes=[EINDHOVEN]), 403),
        "a provider": (token(Rol.AANBIEDER, kvk=flow.plaatsing["aanbiederKvk"]), 403),
        "beheer": (token(Rol.BEHEER, permissions=["privacy"]), 403),
    }
    async with httpx.AsyncClient(timeout=10) as client:
        await _until(client, postgres_platform, "intake", subject, "POST /v1/inburgeraars")
        for service in postgres_platform.urls:
            for who, (headers, status) in others.items():
                response = await client.get(
                    postgres_platform.url(service, "/v1/dataverwerkingen"),
                    params={"inburgeraarId": subject},
                    headers=headers,
                )
                assert response.status_code == status, (service, who, response.text)
                if status == 200:
                    assert response.json() == [], (service, who)
