"""Schemathesis against every operation of every service's OpenAPI document, authenticated.

Each service's app runs in-process on a fresh, migrated (and where it has one, seeded)
PostgreSQL database, without its lifespan, so no broker, relay or consumer is involved. For each
operation schemathesis generates valid and invalid requests (a bounded, derandomised number) and
calls it with the token of a role that may call it. Every answer must be no server error, a
documented status code with its documented content type, and a body that matches the documented
schema. Operations are collected from the documents, so a new endpoint is fuzzed the day it lands.

Hypothesis drives a synchronous test, so it runs in a worker thread; each request is handed back
to the test's event loop, where the app's database connections live.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
import structlog
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select

from inburgering.shared.auth import Rol, mint_dev_token
from inburgering.shared.runtime import ServiceParts, ServiceRuntime
from inburgering.shared.settings import DEV_JWT_SECRET
from inburgering.shared.testing.postgres import create_database, drop_database
from inburgering.shared.testing.service import migrated_runtime

pytestmark = pytest.mark.integration

SETTINGS_CLASSES = {
    "intake": "IntakeSettings",
    "routes": "RoutesSettings",
    "contracts": "ContractsSettings",
    "referrals": "ReferralsSettings",
    "subscriptions": "SubscriptionsSettings",
}
METHODS = ("get", "post", "put", "patch", "delete")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Enough to reach the input validation's edges, few enough for CI on two busy cores; a deeper
# run (say 200) is one environment variable away.
EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "20"))
OWN_GEMEENTE = "GM0772"
DEMO_KVK = "90012345"  # Taalpunt De Kempen, an aanbieder of the contracts demo region


def _parts(service: str, database_url: str) -> ServiceParts:
    bootstrap = importlib.import_module(f"inburgering.{service}.bootstrap")
    module = importlib.import_module(f"inburgering.{service}.settings")
    settings_class = getattr(module, SETTINGS_CLASSES[service])
    settings = settings_class(database_url=database_url, roles="api", kafka_create_topics=False)
    if service == "subscriptions":
        # Registering a webhook calls the callback URL: a receiver that agrees to everything
        # keeps the fuzzer off the network and lets registrations reach the database.
        webhooks = importlib.import_module("inburgering.subscriptions.adapters.webhook")
        receiver = httpx.MockTransport(_willing_receiver)
        return bootstrap.build_parts(settings, webhooks=webhooks.WebhookClient(transport=receiver))
    return bootstrap.build_parts(settings)


def _willing_receiver(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"WebHook-Allowed-Origin": "*"})


def _document(service: str) -> dict[str, Any]:
    """The document the service serves at /v1/openapi.json (no database needed to build it)."""
    runtime = ServiceRuntime(_parts(service, "postgresql+asyncpg://unused@127.0.0.1/unused"))
    return runtime.create_app().state.api.openapi()


def _token(rol: Rol, **claims: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_dev_token(DEV_JWT_SECRET, rol=rol, **claims)}"}


def _gemeente() -> dict[str, str]:
    return _token(Rol.GEMEENTE, gemeentecodes=[OWN_GEMEENTE])


def _regio() -> dict[str, str]:
    return _token(Rol.REGIO, gemeentecodes=[OWN_GEMEENTE])


@dataclass
class Seeded:
    """Ids the demo seed created, put into path parameters so not every call is a 404."""

    path_parameters: dict[str, list[str]] = field(default_factory=dict)
    instelling: str | None = None


@dataclass
class App:
    runtime: ServiceRuntime
    client: httpx.AsyncClient
    seeded: Seeded
    duo_headers: dict[str, str] = field(default_factory=dict)


def _caller(service: str, method: str, path: str, app: App) -> dict[str, str]:
    """The headers of a role that may call this operation (matrix in docs/security.md)."""
    if service == "intake" and path == "/notificaties":
        return {**_token(Rol.DUO), **app.duo_headers}
    if service == "contracts":
        if path.startswith("/plaatsingen/{plaatsing_id}/") and path != (
            "/plaatsingen/{plaatsing_id}/uren"
        ):
            return _token(Rol.AANBIEDER, kvk=DEMO_KVK)
        if path.startswith(("/contracten", "/overzichten")):
            return _regio()
        if path.startswith("/aanbieders"):
            return _token(Rol.BEHEER)
    if service == "referrals":
        if path.startswith(("/aanmeldingen", "/opleidingen")):
            return _token(Rol.INSTELLING, instelling=app.seeded.instelling)
        if path == "/overzicht":
            return _regio()
    return _gemeente()


async def _seeded(service: str, runtime: ServiceRuntime) -> Seeded:
    seeded = Seeded(path_parameters={"gemeentecode": [OWN_GEMEENTE]})
    if runtime.parts.seed is not None:
        async with runtime.uow() as uow:
            await runtime.parts.seed(uow)
            await uow.commit()
    async with runtime.engine.connect() as conn:

        async def ids(column: Any) -> list[str]:
            return [str(v) for v in (await conn.execute(select(column))).scalars()]

        if service == "contracts":
            tables = importlib.import_module("inburgering.contracts.adapters.tables")
            seeded.path_parameters["kvk"] = await ids(tables.aanbieder.c.kvk)
            seeded.path_parameters["contract_id"] = await ids(tables.contract.c.id)
        if service == "referrals":
            tables = importlib.import_module("inburgering.referrals.adapters.tables")
            seed = importlib.import_module("inburgering.referrals.seed")
            seeded.instelling = str(seed.instelling_id("fontys"))
            opleidingen = select(tables.opleiding.c.id).where(
                tables.opleiding.c.instelling_id == seed.instelling_id("fontys")
            )
            seeded.path_parameters["opleiding_id"] = [
                str(v) for v in (await conn.execute(opleidingen)).scalars()
            ]
    return seeded


class Apps:
    """One migrated, seeded app per service, built when its first operation is fuzzed."""

    def __init__(self) -> None:
        self._apps: dict[str, App] = {}
        self._urls: list[str] = []

    async def get(self, service: str) -> App:
        if service not in self._apps:
            url = await create_database(prefix="fuzz")
            self._urls.append(url)
            parts = _parts(service, url)
            runtime = await migrated_runtime(parts)
            # Without the lifespan: the API alone, no relay, consumer or broker.
            # An unhandled error must reach the check as the 500 a server would answer.
            transport = httpx.ASGITransport(app=runtime.create_app(), raise_app_exceptions=False)
            client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
            app = App(runtime, client, await _seeded(service, runtime))
            if service == "intake":
                ctx = parts.state["intake"]
                app.duo_headers = {
                    "bron": ctx.settings.duo_oin,
                    "doel": ctx.settings.oin_per_gemeente[OWN_GEMEENTE],
                }
            self._apps[service] = app
        return self._apps[service]

    async def close(self) -> None:
        for app in self._apps.values():
            await app.client.aclose()
            await app.runtime.engine.dispose()
        for url in self._urls:
            await drop_database(url)


@pytest.fixture(scope="module")
async def apps() -> AsyncIterator[Apps]:
    # A server error is the finding, reported by the check; rendering its traceback with locals
    # for every generated example would take longer than the fuzzing itself.
    previous = structlog.get_config()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.CRITICAL))
    built = Apps()
    try:
        yield built
    finally:
        await built.close()
        structlog.configure(**previous)


# Inputs that once ended in a 500: replayed before the generated ones on every run, so that the
# fixes stay fixed whatever examples the fuzzer happens to draw.
_OVERFLOW = "a number beyond the database column's range was not refused as 400 but ended in a 500"
HUGE = "520923831677881015074816"
DEMO_CONTRACT = "67a67867-196a-560f-83f0-e307824ec11b"  # a contract of the demo region


@dataclass(frozen=True)
class Finding:
    """A bug the fuzzer found (some only with more examples than CI runs); its input is replayed
    before the generated ones."""

    bug: str
    query: dict[str, Any] | None = None
    body: Any = None
    path_parameters: dict[str, str] | None = None


_HUGE_OFFSET = Finding(f"`offset`: {_OVERFLOW}", query={"offset": HUGE})
FOUND_BUGS: dict[tuple[str, str, str], Finding] = {
    ("intake", "GET", "/inburgeraars"): _HUGE_OFFSET,
    ("intake", "GET", "/duo-notificaties"): _HUGE_OFFSET,
    ("contracts", "GET", "/samenwerkingsverbanden"): _HUGE_OFFSET,
    ("contracts", "GET", "/contracten"): _HUGE_OFFSET,
    ("contracts", "PATCH", "/contracten/{contract_id}"): Finding(
        f"`verlengingsopties` and `capaciteit` (INTEGER columns): {_OVERFLOW}",
        body={"verlengingsopties": 2073188477672, "toelichting": "fuzz"},
        path_parameters={"contract_id": DEMO_CONTRACT},
    ),
    ("subscriptions", "POST", "/abonnementen"): Finding(
        "`auth` with a non-ASCII character is accepted, then sending it as the Authorization "
        "header of the callback handshake raises UnicodeEncodeError: 500",
        body={"callbackUrl": "https://ontvanger.example/hook", "auth": "Bearer é"},
    ),
    ("subscriptions", "GET", "/gebeurtenissen"): Finding(
        f"`na` cursor: {_OVERFLOW}", query={"na": HUGE}
    ),
}

SCHEMAS = {
    service: schemathesis.openapi.from_dict(_document(service)) for service in SETTINGS_CLASSES
}


def _operations() -> list[Any]:
    found = []
    for service, schema in SCHEMAS.items():
        for path, item in schema.raw_schema["paths"].items():
            for method in METHODS:
                if method in item:
                    key = (service, method.upper(), path)
                    marks = []
                    found.append(pytest.param(*key, marks=marks, id=" ".join(key)))
    return found


def _strategy(operation: Any, seeded: Seeded) -> st.SearchStrategy[Any]:
    strategies = [
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    ]
    names = {p.name for p in operation.path_parameters}
    pinned = {n: seeded.path_parameters[n] for n in names if seeded.path_parameters.get(n)}
    if pinned:
        choice = st.fixed_dictionaries({n: st.sampled_from(v) for n, v in pinned.items()})
        strategies.append(
            choice.flatmap(
                lambda fixed: operation.as_strategy(GenerationMode.POSITIVE, path_parameters=fixed)
            )
        )
    return st.one_of(strategies)


@pytest.mark.parametrize(("service", "method", "path"), _operations())
async def test_operation_answers_as_documented(
    apps: Apps, service: str, method: str, path: str
) -> None:
    app = await apps.get(service)
    operation = SCHEMAS[service][path][method]
    headers = _caller(service, method, path, app)
    loop = asyncio.get_running_loop()

    def call(kwargs: dict[str, Any]) -> httpx.Response:
        future = asyncio.run_coroutine_threadsafe(_send(app.client, kwargs), loop)
        return future.result(timeout=30)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        # The first failing example is reported as generated: shrinking it costs minutes.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_strategy(operation, app.seeded))
    def fuzz(case: Any) -> None:
        kwargs = case.as_transport_kwargs(base_url="http://testserver/v1", headers=headers)
        response = call(kwargs)
        # Reports the failing check with a curl command that reproduces it.
        case.validate_response(response, checks=CHECKS, headers=headers, transport_kwargs=kwargs)

    finding = FOUND_BUGS.get((service, method, path))
    if finding is not None:
        case = operation.Case(
            path_parameters=finding.path_parameters,
            query=finding.query,
            body=finding.body if finding.body is not None else schemathesis.core.NOT_SET,
            media_type="application/json" if finding.body is not None else None,
        )
        kwargs = case.as_transport_kwargs(base_url="http://testserver/v1", headers=headers)
        response = await _send(app.client, kwargs)
        case.validate_response(response, checks=CHECKS, headers=headers, transport_kwargs=kwargs)
    await asyncio.to_thread(fuzz)


async def _send(client: httpx.AsyncClient, kwargs: dict[str, Any]) -> httpx.Response:
    """A request serialised for `requests`, sent with httpx to the in-process app."""
    content = kwargs.get("data")
    if kwargs.get("json") is not None:
        content = None
    headers = dict(kwargs.get("headers") or {})
    headers.pop("Content-Length", None)
    if kwargs.get("cookies"):
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in kwargs["cookies"].items())
    return await client.request(
        kwargs["method"],
        kwargs["url"],
        headers=headers,
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        content=content,
    )
