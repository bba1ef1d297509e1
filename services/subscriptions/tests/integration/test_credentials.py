"""Receiver credentials: sealed at rest (the column never holds the clear value) while delivery
still presents them, and OAuth2 client credentials exchanged for a cached access token."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from inburgering.subscriptions.adapters.access_tokens import AccessTokens
from inburgering.subscriptions.adapters.tables import abonnement
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.domain.credentials import ClientCredentials, StaticAuthorization
from inburgering.subscriptions.runtime import SubscriptionsRuntime

from .conftest import CALLBACK, TOKEN_URL

pytestmark = pytest.mark.integration

CLEAR = "Bearer heel-geheim-token-van-de-gemeente"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


async def _stored(runtime: SubscriptionsRuntime, abonnement_id: str) -> str:
    async with runtime.engine.connect() as conn:
        return (
            await conn.execute(
                select(abonnement.c.credential).where(abonnement.c.id == uuid.UUID(abonnement_id))
            )
        ).scalar_one()


def _oauth(receiver, **overrides) -> dict:
    return {
        "callbackUrl": CALLBACK,
        "sinkCredential": {
            "type": "OAUTH2_CLIENT_CREDENTIALS",
            "tokenUrl": TOKEN_URL,
            "clientId": receiver.client_id,
            "clientSecret": receiver.client_secret,
            "scope": "gebeurtenissen",
            **overrides,
        },
    }


async def test_the_column_never_holds_the_clear_value_while_delivery_presents_it(
    runtime: SubscriptionsRuntime, client, auth, feed, aangemeld, receiver
) -> None:
    created = await client.post(
        "/abonnementen", json={"callbackUrl": CALLBACK, "auth": CLEAR}, headers=auth()
    )
    assert created.status_code == 201, created.text
    abonnement_id = created.json()["id"]
    await feed(aangemeld())
    worker = DeliveryWorker(runtime.uow, runtime.webhooks, runtime.subscriptions_settings)

    await worker.deliver_due()

    stored = await _stored(runtime, abonnement_id)
    assert "heel-geheim" not in stored
    assert stored.startswith("v1.")
    assert runtime.credentials.open(
        stored, abonnement_id=uuid.UUID(abonnement_id)
    ) == StaticAuthorization(CLEAR)
    [delivered] = receiver.received
    assert delivered.headers["Authorization"] == CLEAR
    assert "heel-geheim" not in created.text


async def test_a_sealed_credential_does_not_open_for_another_subscription(
    runtime: SubscriptionsRuntime, client, auth
) -> None:
    created = await client.post(
        "/abonnementen", json={"callbackUrl": CALLBACK, "auth": CLEAR}, headers=auth()
    )
    stored = await _stored(runtime, created.json()["id"])

    with pytest.raises(Exception, match="wrong key or altered value"):
        runtime.credentials.open(stored, abonnement_id=uuid.uuid4())


async def test_oauth2_client_credentials_are_exchanged_for_a_cached_bearer_token(
    runtime: SubscriptionsRuntime, client, auth, feed, aangemeld, receiver
) -> None:
    receiver.token_lifetime = 120
    created = await client.post("/abonnementen", json=_oauth(receiver), headers=auth())
    assert created.status_code == 201, created.text
    # The registration proved the credentials: the handshake carried the first token.
    assert receiver.handshakes[0].headers["Authorization"] == "Bearer tok-1"
    assert dict(
        item.split("=") for item in receiver.token_requests[0].content.decode().split("&")
    ) == {"grant_type": "client_credentials", "scope": "gebeurtenissen"}
    stored = await _stored(runtime, created.json()["id"])
    assert receiver.client_secret not in stored and receiver.client_id not in stored

    clock = Clock()
    tokens = AccessTokens(runtime.webhooks, clock=clock)
    worker = DeliveryWorker(
        runtime.uow, runtime.webhooks, runtime.subscriptions_settings, tokens=tokens
    )
    for _ in range(3):
        await feed(aangemeld())
    await worker.deliver_due()
    assert [r.headers["Authorization"] for r in receiver.received] == ["Bearer tok-2"] * 3
    assert len(receiver.token_requests) == 2  # one for the three deliveries

    clock.advance(80)  # 40 s left: more than the renewal margin (30 s), still reused
    await feed(aangemeld())
    await worker.deliver_due()
    assert receiver.received[-1].headers["Authorization"] == "Bearer tok-2"

    clock.advance(15)  # 25 s left: renewed before it can expire on the way
    await feed(aangemeld())
    await worker.deliver_due()

    assert receiver.received[-1].headers["Authorization"] == "Bearer tok-3"
    assert len(receiver.token_requests) == 3


async def test_a_refused_token_is_fetched_again_on_the_next_attempt(
    runtime: SubscriptionsRuntime, client, auth, feed, aangemeld, receiver
) -> None:
    created = await client.post("/abonnementen", json=_oauth(receiver), headers=auth())
    assert created.status_code == 201, created.text
    receiver.answers = [httpx.Response(401)]
    await feed(aangemeld())
    worker = DeliveryWorker(
        runtime.uow, runtime.webhooks, runtime.subscriptions_settings, tokens=runtime.tokens
    )

    await worker.deliver_due()
    await _wait_until_due(runtime, worker)

    assert [r.headers["Authorization"] for r in receiver.received] == [
        "Bearer tok-1",
        "Bearer tok-2",
    ]
    log = await client.get(f"/abonnementen/{created.json()['id']}/afleveringen", headers=auth())
    assert [(a["status"], a["pogingen"]) for a in log.json()] == [("afgeleverd", 2)]


async def _wait_until_due(runtime: SubscriptionsRuntime, worker: DeliveryWorker) -> None:
    """The backoff is 0.05 s in these settings: poll with a deadline until the retry went out."""
    deadline = asyncio.get_running_loop().time() + 5
    while not await worker.deliver_due():
        assert asyncio.get_running_loop().time() < deadline, "retry never became due"
        await asyncio.sleep(0.02)


async def test_credentials_the_token_endpoint_refuses_are_not_registered(
    client, auth, receiver
) -> None:
    refused = await client.post(
        "/abonnementen", json=_oauth(receiver, clientSecret="verkeerd"), headers=auth()
    )
    listed = await client.get("/abonnementen", headers=auth())

    assert refused.status_code == 400
    assert refused.json()["code"] == "geen-toegangstoken"
    assert "invalid_client" in refused.json()["detail"]
    assert "verkeerd" not in refused.text
    assert receiver.handshakes == [] and listed.json() == []


@pytest.mark.parametrize(
    "body",
    [
        {"callbackUrl": CALLBACK},
        {
            "callbackUrl": CALLBACK,
            "auth": CLEAR,
            "sinkCredential": {
                "type": "OAUTH2_CLIENT_CREDENTIALS",
                "tokenUrl": TOKEN_URL,
                "clientId": "a",
                "clientSecret": "b",
            },
        },
    ],
    ids=["none", "both"],
)
async def test_a_subscription_names_exactly_one_credential(client, auth, body) -> None:
    response = await client.post("/abonnementen", json=body, headers=auth())

    assert response.status_code == 400


def test_client_credentials_with_another_secret_are_another_cache_entry() -> None:
    one = ClientCredentials(TOKEN_URL, "id", "geheim-1", None)
    other = ClientCredentials(TOKEN_URL, "id", "geheim-2", None)

    assert one.cache_key != other.cache_key
    assert "geheim" not in one.cache_key
