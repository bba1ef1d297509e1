from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
from asgi_lifespan import LifespanManager

from inburgering.portal.app import create_app
from inburgering.portal.settings import PortalSettings


@asynccontextmanager
async def portaal_client(
    settings: PortalSettings, diensten: httpx.AsyncBaseTransport | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """The portal in-process; `diensten` stands in for the services where a test needs them."""
    async with LifespanManager(create_app(settings, transport=diensten)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://portaal") as client:
            yield client


@pytest.fixture
async def portaal() -> AsyncIterator[httpx.AsyncClient]:
    """The portal without services: nothing it shows here needs one."""
    async with portaal_client(PortalSettings()) as client:
        yield client


def _csrf_van(html: str) -> str:
    gevonden = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert gevonden, "the page has no CSRF field"
    return gevonden.group(1)


@pytest.fixture
def csrf_van() -> Callable[[str], str]:
    """The CSRF token of the form on a page."""
    return _csrf_van


@pytest.fixture
def portaal_met() -> Callable[..., object]:
    """A portal whose service calls go to the given transport."""
    return lambda diensten: portaal_client(PortalSettings(), diensten)
