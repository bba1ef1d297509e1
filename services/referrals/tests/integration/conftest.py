from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.runtime import ServiceRuntime
from inburgering.shared.settings import DEV_JWT_SECRET


@pytest.fixture
async def runtime(postgres_url: str) -> AsyncIterator[ServiceRuntime]:
    """The api role on a freshly migrated database holding the demo network."""
    parts = build_parts(
        ReferralsSettings(database_url=postgres_url, roles="api", kafka_create_topics=False)
    )
    await asyncio.to_thread(upgrade, parts.migrations_dir, postgres_url)
    runtime = ServiceRuntime(parts)
    assert parts.seed is not None
    async with runtime.uow() as uow:
        await parts.seed(uow)
        await uow.commit()
    yield runtime
    await runtime.engine.dispose()


@pytest.fixture
async def client(runtime: ServiceRuntime) -> AsyncIterator[httpx.AsyncClient]:
    # ASGITransport sends no lifespan events: no broker, no migrations at start-up.
    transport = httpx.ASGITransport(app=runtime.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as http:
        yield http


@pytest.fixture
def auth() -> Callable[..., dict[str, str]]:
    def headers(*gemeentecodes: str, rol: Rol = Rol.GEMEENTE, **claims: str) -> dict[str, str]:
        token = mint_dev_token(DEV_JWT_SECRET, rol=rol, gemeentecodes=gemeentecodes, **claims)
        return {"Authorization": f"Bearer {token}"}

    return headers
