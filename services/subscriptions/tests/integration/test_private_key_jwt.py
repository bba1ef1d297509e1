"""private_key_jwt towards a receiver's token endpoint: the platform signs a client assertion with
its own key, the receiver's server verifies it against the JWKS we publish, and no secret is
ever stored for that receiver."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from inburgering.subscriptions.adapters.client_assertions import ClientAssertions
from inburgering.subscriptions.adapters.tables import abonnement
from inburgering.subscriptions.delivery import DeliveryWorker
from inburgering.subscriptions.domain.credentials import PrivateKeyJwt
from inburgering.subscriptions.runtime import SubscriptionsRuntime

from .conftest import CALLBACK, TOKEN_URL

pytestmark = pytest.mark.integration


def _private_key_jwt(receiver, **overrides) -> dict:
    return {
        "callbackUrl": CALLBACK,
        "sinkCredential": {
            "type": "OAUTH2_PRIVATE_KEY_JWT",
            "tokenUrl": TOKEN_URL,
            "clientId": receiver.client_id,
            "scope": "gebeurtenissen",
            **overrides,
        },
    }


async def _published_jwks(client) -> dict:
    response = await client.get("/jwks.json")  # no token: a jwks_uri is public
    assert response.status_code == 200
    return response.json()


async def test_the_jwks_holds_only_public_keys(client) -> None:
    jwks = await _published_jwks(client)

    [key] = jwks["keys"]
    assert key["kid"] == "development" and key["kty"] == "RSA" and key["alg"] == "RS256"
    assert key["use"] == "sig"
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)


async def test_a_receiver_that_registered_our_jwks_gets_signed_assertions_and_deliveries(
    runtime: SubscriptionsRuntime, client, auth, feed, aangemeld, receiver
) -> None:
    receiver.jwks = await _published_jwks(client)

    created = await client.post("/abonnementen", json=_private_key_jwt(receiver), headers=auth())

    assert created.status_code == 201, created.text
    assert receiver.handshakes[0].headers["Authorization"] == "Bearer tok-1"
    [claims] = receiver.assertions
    assert claims["iss"] == claims["sub"] == receiver.client_id
    assert claims["aud"] == TOKEN_URL
    assert 0 < claims["exp"] - claims["iat"] <= 60
    form = dict(parse_qsl(receiver.token_requests[0].content.decode()))
    assert (
        form["scope"] == "gebeurtenissen"
        and "Authorization" not in receiver.token_requests[0].headers
    )
    async with runtime.engine.connect() as conn:
        stored = (
            await conn.execute(
                select(abonnement.c.credential).where(
                    abonnement.c.id == uuid.UUID(created.json()["id"])
                )
            )
        ).scalar_one()
    assert runtime.credentials.open(
        stored, abonnement_id=uuid.UUID(created.json()["id"])
    ) == PrivateKeyJwt(TOKEN_URL, receiver.client_id, "gebeurtenissen")

    worker = DeliveryWorker(
        runtime.uow, runtime.webhooks, runtime.subscriptions_settings, tokens=runtime.tokens
    )
    for _ in range(2):
        await feed(aangemeld())
    await worker.deliver_due()

    assert [r.headers["Authorization"] for r in receiver.received] == ["Bearer tok-1"] * 2


async def test_each_token_request_carries_a_fresh_assertion(
    runtime: SubscriptionsRuntime, client, auth, feed, aangemeld, receiver
) -> None:
    receiver.jwks = await _published_jwks(client)
    created = await client.post("/abonnementen", json=_private_key_jwt(receiver), headers=auth())
    assert created.status_code == 201, created.text
    runtime.tokens.forget(PrivateKeyJwt(TOKEN_URL, receiver.client_id, "gebeurtenissen"))
    await feed(aangemeld())

    await DeliveryWorker(
        runtime.uow, runtime.webhooks, runtime.subscriptions_settings, tokens=runtime.tokens
    ).deliver_due()

    # The receiver refuses a replayed jti, so this delivery proves the second one was new.
    assert [r.headers["Authorization"] for r in receiver.received] == ["Bearer tok-2"]
    assert len({claims["jti"] for claims in receiver.assertions}) == 2


async def test_a_receiver_that_does_not_know_our_key_refuses_the_registration(
    client, auth, receiver
) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    # Same key id, another key: what a receiver with a stale or wrong registration holds.
    receiver.jwks = ClientAssertions({"development": pem}, "development").jwks()

    refused = await client.post("/abonnementen", json=_private_key_jwt(receiver), headers=auth())

    assert refused.status_code == 400
    assert refused.json()["code"] == "geen-toegangstoken"
    assert "invalid_client" in refused.json()["detail"]
    listed = await client.get("/abonnementen", headers=auth())
    assert receiver.handshakes == [] and listed.json() == []
