"""Request size limit (413 before the body is read whole) and CORS: the OpenAPI document is open
to every origin, the API only to the origins a deployment lists."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request

from inburgering.shared.http.app import create_app

router = APIRouter()
handled: list[int] = []


@router.post("/stukken")
async def stukken(request: Request) -> dict[str, int]:
    size = len(await request.body())
    handled.append(size)
    return {"bytes": size}


async def _ready() -> dict[str, bool]:
    return {"database": True}


PORTAL = "https://portaal.aanbieder.example"


@pytest.fixture
def client() -> httpx.AsyncClient:
    handled.clear()
    app: FastAPI = create_app(
        service="proef",
        title="Proef",
        description="",
        version="1.0.0",
        routers=[router],
        ready_check=_ready,
        cors_origins=[PORTAL],
        max_request_bytes=2048,
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_a_body_within_the_limit_is_handled(client) -> None:
    response = await client.post("/v1/stukken", content=b"x" * 2048)
    assert response.status_code == 200
    assert handled == [2048]


async def test_a_declared_oversized_body_is_refused_with_a_problem_before_the_handler(
    client,
) -> None:
    response = await client.post("/v1/stukken", content=b"x" * 2049)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "verzoek-te-groot"
    assert response.headers["api-version"] == "1.0.0"
    assert handled == []


async def test_a_streamed_body_is_cut_off_when_it_passes_the_limit(client) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"x" * 1000

    response = await client.post("/v1/stukken", content=chunks())
    assert response.status_code == 413
    assert handled == []


async def test_the_openapi_document_is_readable_from_any_origin(client) -> None:
    response = await client.get("/v1/openapi.json", headers={"Origin": "https://elders.example"})
    assert response.headers["access-control-allow-origin"] == "*"


async def test_only_listed_origins_may_call_the_api_from_a_browser(client) -> None:
    def preflight(origin: str) -> dict[str, str]:
        return {
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        }

    allowed = await client.options("/v1/stukken", headers=preflight(PORTAL))
    refused = await client.options("/v1/stukken", headers=preflight("https://elders.example"))
    simple = await client.post(
        "/v1/stukken", content=b"{}", headers={"Origin": "https://elders.example"}
    )

    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == PORTAL
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert "access-control-allow-origin" not in simple.headers
