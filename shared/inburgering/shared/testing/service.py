"""Helpers for a service's integration tests: a migrated runtime and an in-process API client."""

from __future__ import annotations

import asyncio

import httpx

from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.persistence import migrations
from inburgering.shared.runtime import ServiceParts, ServiceRuntime
from inburgering.shared.settings import DEV_JWT_SECRET


async def migrated_runtime(parts: ServiceParts) -> ServiceRuntime:
    """Apply the service's migrations to its database and build its runtime (no broker needed)."""
    await asyncio.to_thread(
        migrations.upgrade, parts.migrations_dir, parts.settings.effective_database_url
    )
    return ServiceRuntime(parts)


def api_client(runtime: ServiceRuntime) -> httpx.AsyncClient:
    """Calls the app in-process without its lifespan, so no relay or consumer starts."""
    transport = httpx.ASGITransport(app=runtime.create_app())
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def bearer(rol: Rol = Rol.GEMEENTE, **claims: object) -> dict[str, str]:
    token = mint_dev_token(DEV_JWT_SECRET, rol=rol, **claims)  # type: ignore[arg-type]
    return {"Authorization": f"Bearer {token}"}
