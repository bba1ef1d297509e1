"""Every path of every service answers a method it does not have with 405 and `Allow` naming the
methods it does have (RFC 9110 15.5.6), as a problem+json."""

from __future__ import annotations

import asyncio
import importlib
import re
import uuid

import httpx
import pytest

from inburgering.devtools.platform import SERVICES
from inburgering.shared.runtime import ServiceRuntime

METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


async def _paths(service: str) -> tuple[ServiceRuntime, dict]:
    bootstrap = importlib.import_module(f"inburgering.{service}.bootstrap")
    runtime = ServiceRuntime(bootstrap.build_parts())
    return runtime, runtime.create_app()


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)))


@pytest.mark.parametrize("service", SERVICES)
def test_every_405_carries_allow(service: str) -> None:
    async def walk() -> list[str]:
        _, app = await _paths(service)
        missing = []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            document = (await client.get("/v1/openapi.json")).json()
            templates = {
                method.upper(): [_pattern(p) for p, i in document["paths"].items() if method in i]
                for method in {m for i in document["paths"].values() for m in i}
            }
            for path, item in document["paths"].items():
                declared = {m.upper() for m in item} & METHODS
                concrete = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)
                for method in sorted((METHODS - declared) | {"TRACE"}):
                    # `/inburgeraars/_zoek` is also `/inburgeraars/{id}` to a GET: not a 405.
                    if any(p.fullmatch(path) for p in templates.get(method, [])):
                        continue
                    answer = await client.request(method, "/v1" + concrete)
                    allow = {m.strip() for m in answer.headers.get("allow", "").split(",")}
                    if answer.status_code != 405 or not declared <= allow:
                        missing.append(f"{method} {path}: {answer.status_code} Allow={allow}")
                    elif not answer.headers["content-type"].startswith("application/problem+json"):
                        missing.append(f"{method} {path}: not a problem")
        return missing

    assert asyncio.run(walk()) == []
