from __future__ import annotations

import asyncio
import base64
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import httpx
import jwt
import pytest
from aiokafka.structs import ConsumerRecord

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.intake import InburgeraarAangemeld
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.messaging import Consumer, Envelope
from inburgering.shared.persistence.migrations import upgrade
from inburgering.shared.testing.service import bearer
from inburgering.subscriptions.adapters.egress import EgressPolicy
from inburgering.subscriptions.adapters.webhook import WebhookClient
from inburgering.subscriptions.bootstrap import build_parts
from inburgering.subscriptions.runtime import SubscriptionsRuntime
from inburgering.subscriptions.settings import SubscriptionsSettings

EINDHOVEN = "GM0772"
TILBURG = "GM0855"
CALLBACK = "https://ontvanger.example/webhook"
TOKEN_PATH = "/oauth2/token"
TOKEN_URL = "https://ontvanger.example" + TOKEN_PATH
INTAKE_SOURCE = "urn:nld:oin:00000000000000000000:systeem:inburgering-intake"


# The scripted receivers' host names stand for public servers; the transport is scripted, so
# nothing is sent anywhere.
PUBLIC_HOSTS = {"ontvanger.example": "145.97.39.155", "o.example": "145.97.39.156"}


async def _scripted_dns(host: str, port: int) -> list[str]:
    if host in PUBLIC_HOSTS:
        return [PUBLIC_HOSTS[host]]
    raise OSError(f"unknown host {host}")


def scripted_webhooks(handler: Callable[[httpx.Request], httpx.Response]) -> WebhookClient:
    """The real client with the development egress policy, a scripted DNS and receiver."""
    egress = EgressPolicy(
        https_only=False, allow=SubscriptionsSettings().egress_allow_entries, resolver=_scripted_dns
    )
    return WebhookClient(egress=egress, transport=httpx.MockTransport(handler))


def _auth(*gemeentecodes: str) -> dict[str, str]:
    # The shared dev tokens do not name this service's audience yet (see the README).
    return bearer(
        gemeentecodes=list(gemeentecodes or (EINDHOVEN,)), audiences=["inburgering-subscriptions"]
    )


@pytest.fixture
def auth() -> Callable[..., dict[str, str]]:
    """Headers with a gemeente token for the given gemeentecodes (default GM0772)."""
    return _auth


@dataclass
class Receiver:
    """A scripted subscriber endpoint behind the real client code (httpx MockTransport)."""

    origin_allowed: bool = True
    answers: list[httpx.Response] = field(default_factory=list)
    received: list[httpx.Request] = field(default_factory=list)
    handshakes: list[httpx.Request] = field(default_factory=list)
    # The receiver's OAuth2 token endpoint (a third party's server): issues tok-1, tok-2, …
    client_id: str = "gemeente-backoffice"
    client_secret: str = "client-geheim-0123"
    token_lifetime: int = 300
    token_requests: list[httpx.Request] = field(default_factory=list)
    # For private_key_jwt: the JWKS the receiver's server registered as our jwks_uri, and the
    # verified claims of every client assertion it accepted.
    jwks: dict[str, Any] | None = None
    assertions: list[dict[str, Any]] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            return self._token(request)
        if request.method == "OPTIONS":
            self.handshakes.append(request)
            origin = request.headers.get("WebHook-Request-Origin", "")
            headers = {"WebHook-Allowed-Origin": origin} if self.origin_allowed else {}
            return httpx.Response(200, headers=headers)
        self.received.append(request)
        return self.answers.pop(0) if self.answers else httpx.Response(204)

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = dict(parse_qsl(request.content.decode()))
        if "client_assertion" in form:
            return self._assertion(request, form)
        expected = (
            "Basic " + base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        )
        if request.headers.get("Authorization") != expected:
            return httpx.Response(401, json={"error": "invalid_client"})
        if form.get("grant_type") != "client_credentials":
            return httpx.Response(400, json={"error": "unsupported_grant_type"})
        self.token_requests.append(request)
        token = f"tok-{len(self.token_requests)}"
        return httpx.Response(
            200,
            json={"access_token": token, "token_type": "Bearer", "expires_in": self.token_lifetime},
        )

    def _assertion(self, request: httpx.Request, form: dict[str, str]) -> httpx.Response:
        """What an authorization server does with private_key_jwt (RFC 7523 §3)."""
        if (
            form.get("client_assertion_type")
            != ("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            or form.get("grant_type") != "client_credentials"
        ):
            return httpx.Response(400, json={"error": "invalid_request"})
        try:
            assertion = form["client_assertion"]
            kid = jwt.get_unverified_header(assertion)["kid"]
            key = jwt.PyJWKSet.from_dict(self.jwks or {"keys": []})[kid]
            claims = jwt.decode(
                assertion,
                key.key,
                algorithms=["RS256", "PS256", "ES256"],
                audience=str(request.url),
                issuer=self.client_id,
                options={"require": ["iss", "sub", "aud", "exp", "iat", "jti"]},
            )
        except (jwt.PyJWTError, KeyError):
            return httpx.Response(401, json={"error": "invalid_client"})
        if claims["sub"] != self.client_id or any(
            claims["jti"] == seen["jti"] for seen in self.assertions
        ):
            return httpx.Response(401, json={"error": "invalid_client"})
        self.assertions.append(claims)
        self.token_requests.append(request)
        token = f"tok-{len(self.token_requests)}"
        return httpx.Response(
            200,
            json={"access_token": token, "token_type": "Bearer", "expires_in": self.token_lifetime},
        )

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.received]


@pytest.fixture
def receiver() -> Receiver:
    return Receiver()


@pytest.fixture
async def runtime(postgres_url: str, receiver: Receiver) -> AsyncIterator[SubscriptionsRuntime]:
    settings = SubscriptionsSettings(
        database_url=postgres_url,
        roles="api",
        kafka_create_topics=False,
        migrate_on_start=False,
        delivery_backoff_seconds=0.05,
        delivery_backoff_max_seconds=0.2,
        alert_after_failures=3,
    )
    webhooks = scripted_webhooks(receiver.handle)
    runtime = SubscriptionsRuntime(build_parts(settings, webhooks=webhooks))
    await asyncio.to_thread(upgrade, runtime.parts.migrations_dir, postgres_url)
    yield runtime
    await runtime.engine.dispose()


@pytest.fixture
async def client(runtime: SubscriptionsRuntime) -> AsyncIterator[httpx.AsyncClient]:
    # Without the lifespan: no consumer or worker runs; tests drive them explicitly.
    transport = httpx.ASGITransport(app=runtime.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver/v1") as client:
        yield client


def _aangemeld(
    gemeentecode: str = EINDHOVEN, inburgeraar_id: uuid.UUID | None = None
) -> InburgeraarAangemeld:
    return InburgeraarAangemeld(
        inburgeraar_id=inburgeraar_id or uuid.uuid4(),
        gemeentecode=gemeentecode,
        doelgroep=Doelgroep.ASIELSTATUSHOUDER,
    )


@pytest.fixture
def aangemeld() -> Callable[..., InburgeraarAangemeld]:
    """An InburgeraarAangemeld event (GM0772, new inburgeraar unless given)."""
    return _aangemeld


Feed = Callable[..., Any]


@pytest.fixture
def feed(runtime: SubscriptionsRuntime) -> Feed:
    """Hand events to the service's real consumer as Kafka records; returns their ids."""
    consumer = Consumer(
        runtime.consumer_name,
        runtime.parts.handlers,
        runtime.uow,
        runtime.inbox,
        dead_letters=None,  # type: ignore[arg-type]  # a dead letter would fail the test
        max_attempts=1,
    )
    offsets = iter(range(1_000_000))

    async def _feed(*events: IntegrationEvent, event_id: str | None = None) -> list[str]:
        ids = []
        for event in events:
            envelope = Envelope(
                id=event_id or str(uuid.uuid4()),
                source=INTAKE_SOURCE,
                type=event.event_type(),
                time=datetime.now(UTC),
                gemeentecode=event.gemeentecode,  # type: ignore[attr-defined]
                data=event.to_data(),
                key=event.partition_key(),
            )
            message = envelope.to_kafka()
            record = ConsumerRecord(
                topic=event.topic,
                partition=0,
                offset=next(offsets),
                timestamp=0,
                timestamp_type=0,
                key=message.key.encode() if isinstance(message.key, str) else message.key,
                value=message.value,
                checksum=None,
                serialized_key_size=0,
                serialized_value_size=len(message.value),
                headers=envelope.kafka_headers(message),
            )
            await consumer.handle(record)
            assert consumer.dead_lettered_total == 0
            ids.append(envelope.id)
        return ids

    return _feed
