"""Every role serves probes and metrics over HTTP; only the api role serves the API."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter

from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata
from inburgering.shared.runtime import ServiceParts, ServiceRuntime
from inburgering.shared.settings import BaseServiceSettings

router = APIRouter()


@router.get("/dossiers")
async def dossiers() -> list[str]:
    return []


def _runtime(roles: str, tmp_path: Path) -> ServiceRuntime:
    metadata = make_metadata()
    settings = BaseServiceSettings(service_name="proef", roles=roles, data_dir=tmp_path)
    parts = ServiceParts(
        settings=settings,
        title="Proef",
        description="",
        version="1.0.0",
        metadata=metadata,
        outbox_table=outbox_table(metadata),
        inbox_table=inbox_table(metadata),
        migrations_dir=tmp_path,
        routers=[router],
    )
    return ServiceRuntime(parts)


@pytest.mark.parametrize(("roles", "has_api"), [("api", True), ("relay,scheduler", False)])
async def test_probes_and_metrics_on_every_role_the_api_only_on_the_api_role(
    roles: str, has_api: bool, tmp_path: Path
) -> None:
    app = _runtime(roles, tmp_path).create_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        assert (await c.get("/health")).status_code == 200
        metrics = await c.get("/metrics")
        assert metrics.status_code == 200
        assert "inburgering_http_request_duration_seconds" in metrics.text
        paths = (await c.get("/v1/openapi.json")).json()["paths"]
    assert ("/dossiers" in paths) is has_api
