"""A client that asks too often gets 429 with Retry-After; others and the probes are not held up."""

from __future__ import annotations

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from inburgering.shared.http.app import create_app
from inburgering.shared.http.rate_limit import RateLimitMiddleware

router = APIRouter()


@router.get("/dossiers")
async def dossiers() -> list[str]:
    return []


async def _ready() -> dict[str, bool]:
    return {"database": True}


@pytest.fixture
def app() -> FastAPI:
    return create_app(
        service="proef",
        title="Proef",
        description="",
        version="1.0.0",
        routers=[router],
        ready_check=_ready,
        rate_limit=(60, 3),
    )


async def test_the_burst_passes_then_429_with_retry_after_and_other_clients_go_on(app) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        busy = {"Authorization": "Bearer een"}
        statuses = [(await client.get("/v1/dossiers", headers=busy)).status_code for _ in range(4)]
        limited = await client.get("/v1/dossiers", headers=busy)
        other = await client.get("/v1/dossiers", headers={"Authorization": "Bearer twee"})
        probe = await client.get("/health", headers=busy)

    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
    assert limited.status_code == 429
    assert limited.headers["content-type"] == "application/problem+json"
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["api-version"] == "1.0.0"
    assert other.status_code == 200
    assert probe.status_code == 200


def test_the_bucket_refills_at_the_configured_rate() -> None:
    limiter = RateLimitMiddleware(app=None, per_minute=60, burst=1)  # type: ignore[arg-type]
    assert limiter._take("c", now=100.0) == 0
    assert limiter._take("c", now=100.5) == pytest.approx(0.5)
    assert limiter._take("c", now=101.0) == 0
