"""Every service's /v1/docs comes from the service itself and works under a strict CSP."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import APIRouter

from inburgering.shared.http.app import create_app
from inburgering.shared.http.docs import DOCS_CSP


async def _ready() -> dict[str, bool]:
    return {"database": True}


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(
        service="proef",
        title="Proef <API>",
        description="",
        version="1.0.0",
        routers=[APIRouter()],
        ready_check=_ready,
        rate_limit=(60, 1),
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://dienst") as client:
        yield client


def _urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href|data-openapi-url)="([^"]*)"', html)


async def test_the_docs_page_names_only_paths_on_the_services_own_origin(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/v1/docs")
    assert page.status_code == 200
    urls = _urls(page.text)
    assert len(urls) == 5, urls
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc and url.startswith("/v1/"), url
    assert "/v1/openapi.json" in urls
    assert "<script>" not in page.text, "an inline script would need 'unsafe-inline'"
    assert "Proef &lt;API&gt;" in page.text


async def test_the_docs_page_carries_a_self_only_content_security_policy(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/v1/docs")
    csp = page.headers["content-security-policy"]
    assert csp == DOCS_CSP
    assert "default-src 'self'" in csp and "unsafe" not in csp and "http" not in csp
    assert "frame-ancestors 'none'" in csp


async def test_every_asset_the_page_names_is_served_without_rate_limit(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/v1/docs")
    for url in _urls(page.text):
        # Twice each: the burst of one would refuse the second if the docs were limited.
        for _ in range(2):
            asset = await client.get(url)
            assert asset.status_code == 200, url
    css = await client.get(next(u for u in _urls(page.text) if u.endswith(".css")))
    assert css.headers["content-type"].startswith("text/css")
    assert "max-age" in css.headers["cache-control"]


async def test_the_docs_are_not_part_of_the_openapi_document(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/v1/openapi.json")).json()["paths"]
    assert not any(path.startswith("/docs") for path in paths)
