from __future__ import annotations

from datetime import UTC, datetime

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pydantic import ValidationError

from inburgering.shared.settings import Environment
from inburgering.subscriptions.adapters.client_assertions import (
    ClientAssertions,
    UnusableSigningKey,
    from_settings,
)
from inburgering.subscriptions.dev_keys import DEV_CLIENT_ASSERTION_KEY
from inburgering.subscriptions.settings import SubscriptionsSettings

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
TOKEN_URL = "https://ontvanger.example/oauth2/token"


def _pem(key) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def test_an_ec_key_signs_es256_verifiable_with_the_published_jwks() -> None:
    signer = ClientAssertions(
        {"2026-12": _pem(ec.generate_private_key(ec.SECP256R1()))}, "2026-12", clock=lambda: NOW
    )

    assertion = signer.sign(client_id="platform", token_url=TOKEN_URL)

    key = jwt.PyJWKSet.from_dict(signer.jwks())["2026-12"]
    claims = jwt.decode(
        assertion,
        key.key,
        algorithms=["ES256"],
        audience=TOKEN_URL,
        options={"verify_exp": False, "verify_iat": False},
    )
    assert jwt.get_unverified_header(assertion)["alg"] == "ES256"
    assert claims["exp"] - claims["iat"] == 60


def test_the_next_key_is_published_before_it_signs() -> None:
    current = _pem(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    upcoming = _pem(ec.generate_private_key(ec.SECP256R1()))
    signer = ClientAssertions({"2026-11": current, "2026-12": upcoming}, "2026-11")

    assertion = signer.sign(client_id="platform", token_url=TOKEN_URL)

    assert {k["kid"] for k in signer.jwks()["keys"]} == {"2026-11", "2026-12"}
    assert jwt.get_unverified_header(assertion)["kid"] == "2026-11"


@pytest.mark.parametrize(
    "pem",
    [
        "not a key",
        _pem(rsa.generate_private_key(public_exponent=65537, key_size=1024)),
        _pem(ec.generate_private_key(ec.SECP384R1())),
    ],
    ids=["garbage", "rsa-1024", "p-384"],
)
def test_keys_the_profile_does_not_allow_are_refused(pem: str) -> None:
    with pytest.raises(UnusableSigningKey):
        ClientAssertions({"k": pem}, "k")


def test_development_signs_with_the_repository_key_production_only_with_its_own() -> None:
    development = SubscriptionsSettings()
    # Unvalidated: only the environment matters here, not the rest of a production setup.
    production = SubscriptionsSettings.model_construct(environment=Environment.PRODUCTION)
    configured = SubscriptionsSettings(
        client_assertion_keys={"2026-12": _pem(ec.generate_private_key(ec.SECP256R1()))},
        client_assertion_key_id="2026-12",
    )

    assert from_settings(development) is not None
    assert from_settings(production) is None  # private_key_jwt is off, not insecure
    signer = from_settings(configured)
    assert signer is not None and [k["kid"] for k in signer.jwks()["keys"]] == ["2026-12"]


def test_production_refuses_the_development_signing_key_when_configured() -> None:
    settings = SubscriptionsSettings(
        client_assertion_keys={"mine": DEV_CLIENT_ASSERTION_KEY}, client_assertion_key_id="mine"
    )

    assert "client_assertion_keys still hold the development key" in (
        settings.unsafe_for_production()
    )
    assert not [p for p in SubscriptionsSettings().unsafe_for_production() if "assertion" in p]


def test_the_signing_key_id_must_name_a_configured_key() -> None:
    with pytest.raises(ValidationError, match="client_assertion_key_id"):
        SubscriptionsSettings(
            client_assertion_keys={"a": DEV_CLIENT_ASSERTION_KEY}, client_assertion_key_id="b"
        )
