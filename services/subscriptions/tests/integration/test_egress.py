"""The egress policy at the API and in the delivery worker: a refused receiver URL gets a 400
naming its field before anything is sent; the connection goes only to the address that was
checked. The only real listener is the test's own, on 127.0.0.1; every other target is behind a
spy transport that records what reaches it (nothing, when refused)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import httpx
import pytest
from sqlalchemy import select

from inburgering.shared.persistence.migrations import upgrade
from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.adapters.egress import EgressPolicy
from inburgering.subscriptions.adapters.tables import abonnement
from inburgering.subscriptions.adapters.webhook import WebhookClient
from inburgering.subscriptions.bootstrap import build_parts
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.runtime import SubscriptionsRuntime
from inburgering.subscriptions.settings import SubscriptionsSettings

from .conftest import CALLBACK, PUBLIC_HOSTS

pytestmark = pytest.mark.integration

PRIVATE = [
    "http://10.0.0.5/hook",
    "http://172.16.0.1/hook",
    "http://192.168.1.10/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00::1]/hook",
]


@dataclass
class Listener:
    """A real HTTP endpoint on 127.0.0.1 that agrees to every handshake and counts connections."""

    port: int = 0
    connections: int = 0
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, Host header)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
        length = int(headers.get("Content-Length", headers.get("content-length", "0")))
        if length:
            await reader.readexactly(length)
        self.requests.append((head[0].split(" ")[0], headers.get("Host", headers.get("host", ""))))
        writer.write(
            b"HTTP/1.1 200 OK\r\nWebHook-Allowed-Origin: *\r\nContent-Length: 0\r\n"
            b"Connection: close\r\n\r\n"
        )
        await writer.drain()
        writer.close()


@pytest.fixture
async def listener() -> AsyncIterator[Listener]:
    own = Listener()
    server = await asyncio.start_server(own.handle, "127.0.0.1", 0)
    own.port = server.sockets[0].getsockname()[1]
    async with server:
        yield own


@dataclass
class Spy:
    """Stands in for the network for targets the tests must never really call."""

    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.method == "OPTIONS":
            return httpx.Response(200, headers={"WebHook-Allowed-Origin": "*"})
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 300})
        return httpx.Response(204)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)


Start = Callable[..., AsyncIterator[httpx.AsyncClient]]


@pytest.fixture
async def start(postgres_url: str):
    """The API with the given webhook client; yields an HTTP client for it."""
    runtimes: list[SubscriptionsRuntime] = []

    async def _start(webhooks: WebhookClient) -> tuple[httpx.AsyncClient, SubscriptionsRuntime]:
        settings = SubscriptionsSettings(
            database_url=postgres_url,
            roles="api",
            kafka_create_topics=False,
            migrate_on_start=False,
            delivery_backoff_seconds=0.05,
            delivery_backoff_max_seconds=0.2,
        )
        runtime = SubscriptionsRuntime(build_parts(settings, webhooks=webhooks))
        runtimes.append(runtime)
        await asyncio.to_thread(upgrade, runtime.parts.migrations_dir, postgres_url)
        transport = httpx.ASGITransport(app=runtime.create_app())
        return httpx.AsyncClient(transport=transport, base_url="http://testserver/v1"), runtime

    yield _start
    for runtime in runtimes:
        await runtime.engine.dispose()


def _production_like(**kwargs) -> EgressPolicy:
    return EgressPolicy(https_only=False, refuse_loopback=True, **kwargs)


async def _register(client: httpx.AsyncClient, auth, url: str, **body) -> httpx.Response:
    return await client.post(
        "/abonnementen", json={"callbackUrl": url, "auth": "Bearer x", **body}, headers=auth()
    )


@pytest.mark.parametrize(
    "spelling",
    ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]", "[::1]", "localhost"],
)
async def test_a_loopback_callback_is_refused_and_nothing_reaches_the_listener(
    start, listener: Listener, auth, spelling: str
) -> None:
    client, _ = await start(WebhookClient(egress=_production_like()))

    async with client:
        refused = await _register(client, auth, f"http://{spelling}:{listener.port}/hook")

    assert refused.status_code == 400, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["code"] == "bestemming-niet-toegestaan"
    assert [p["name"] for p in problem["invalidParams"]] == ["body.callbackUrl"]
    assert listener.connections == 0


@pytest.mark.parametrize("url", PRIVATE)
async def test_a_private_or_link_local_callback_is_refused_before_any_connection(
    start, auth, url: str
) -> None:
    spy = Spy()
    client, _ = await start(WebhookClient(egress=_production_like(), transport=spy.transport()))

    async with client:
        refused = await _register(client, auth, url)

    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "body.callbackUrl"
    assert spy.requests == []


async def test_an_internal_token_url_is_refused_without_telling_what_is_there(
    start, listener: Listener, auth
) -> None:
    client, _ = await start(WebhookClient(egress=_production_like()))
    sink = {
        "type": "OAUTH2_CLIENT_CREDENTIALS",
        "tokenUrl": f"http://127.1:{listener.port}/token",
        "clientId": "c",
        "clientSecret": "s",
    }

    async with client:
        refused = await client.post(
            "/abonnementen",
            json={"callbackUrl": "http://10.1.2.3/hook", "sinkCredential": sink},
            headers=auth(),
        )
        refused_token = await client.post(
            "/abonnementen",
            json={"callbackUrl": "https://145.97.39.155/hook", "sinkCredential": sink},
            headers=auth(),
        )

    assert refused.json()["invalidParams"][0]["name"] == "body.callbackUrl"
    assert refused_token.status_code == 400
    problem = refused_token.json()
    assert problem["invalidParams"][0]["name"] == "body.sinkCredential.tokenUrl"
    assert "HTTP" not in problem["detail"] and "200" not in problem["detail"]
    assert listener.connections == 0


async def test_an_allow_listed_internal_receiver_is_accepted_and_called_at_the_checked_address(
    start, listener: Listener, auth
) -> None:
    # The name resolves (only here) to 127.0.0.1; the connection must use that checked address
    # and keep the name in the Host header, without asking the system's DNS again.
    async def dns(host: str, port: int) -> list[str]:
        assert host == "backoffice.gemeente.test"
        return ["127.0.0.1"]

    policy = EgressPolicy(
        https_only=False, allow=["backoffice.gemeente.test"], resolver=dns, refuse_loopback=False
    )
    client, _ = await start(WebhookClient(egress=policy))
    url = f"http://backoffice.gemeente.test:{listener.port}/hook"

    async with client:
        created = await _register(client, auth, url)

    assert created.status_code == 201, created.text
    assert listener.requests == [("OPTIONS", f"backoffice.gemeente.test:{listener.port}")]


async def test_a_delivery_to_an_address_that_became_internal_fails_with_a_reason(
    client, runtime, feed, aangemeld, auth, receiver, monkeypatch
) -> None:
    created = await _register(client, auth, CALLBACK)
    assert created.status_code == 201, created.text
    # The receiver's name now resolves inside (DNS rebinding after the registration).
    monkeypatch.setitem(PUBLIC_HOSTS, "ontvanger.example", "10.0.0.8")
    await feed(aangemeld())
    worker = DeliveryWorker(runtime.uow, runtime.webhooks, runtime.subscriptions_settings)

    await worker.deliver_due()
    log = await client.get(f"/abonnementen/{created.json()['id']}/afleveringen", headers=auth())

    [delivery] = log.json()
    assert delivery["status"] == "wachtend"
    assert delivery["pogingen"] == 1
    assert delivery["laatsteStatus"] is None
    assert delivery["laatsteFout"].startswith("bestemming geweigerd: ")
    assert "10.0.0.8" not in delivery["laatsteFout"]
    assert receiver.received == []


async def test_credentials_in_the_callback_url_are_refused(start, auth) -> None:
    spy = Spy()
    client, _ = await start(WebhookClient(egress=_production_like(), transport=spy.transport()))

    async with client:
        refused = await _register(client, auth, "https://gebruiker:wachtwoord@145.97.39.155/hook")

    assert refused.status_code == 400
    assert "body.callbackUrl" in [p["name"] for p in refused.json()["invalidParams"]]
    assert "wachtwoord@" not in refused.text
    assert spy.requests == []


async def test_the_hmac_key_is_stored_sealed(start, auth) -> None:
    spy = Spy()
    client, runtime = await start(
        WebhookClient(egress=_production_like(), transport=spy.transport())
    )
    async with client:
        created = (await _register(client, auth, "https://145.97.39.155/hook")).json()

    async with runtime.engine.connect() as conn:
        stored = (
            await conn.execute(
                select(abonnement.c.hmac_secret).where(abonnement.c.id == uuid.UUID(created["id"]))
            )
        ).scalar_one()
    box = CredentialBox.from_settings(runtime.subscriptions_settings)
    assert created["hmacSleutel"] not in stored
    assert not stored.startswith("whsec_")
    assert (
        box.open_secret(stored, abonnement_id=uuid.UUID(created["id"])) == (created["hmacSleutel"])
    )
