"""`private_key_jwt` (RFC 7523 §2.2, OpenID Connect Core §9): the platform proves to a
receiver's token endpoint who it is with a short-lived JWT signed by its own private key. The
receiver's authorization server knows the public keys from the JWKS we publish (jwks_uri), as
the NL GOV OAuth profile recommends, so no secret is shared and keys rotate by publishing the
next one before signing with it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from inburgering.shared.scheduling.timers import Clock, utc_now
from inburgering.subscriptions.settings import SubscriptionsSettings

# Long enough for clock skew on the receiver's side, short enough to be useless if captured.
LIFETIME = timedelta(seconds=60)

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class UnusableSigningKey(ValueError):
    """A configured key is not an RSA (2048 bits or more) or EC P-256 private key in PEM."""


def load_signing_key(pem: str) -> SigningKey:
    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError) as exc:
        raise UnusableSigningKey("not a PEM private key without a password") from exc
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size >= 2048:
        return key
    if isinstance(key, ec.EllipticCurvePrivateKey) and isinstance(key.curve, ec.SECP256R1):
        return key
    raise UnusableSigningKey("use an RSA key of 2048 bits or more, or an EC P-256 key")


def algorithm(key: SigningKey) -> str:
    """RS256 for RSA (the algorithm every profile-conformant server must accept), ES256 for EC."""
    return "RS256" if isinstance(key, rsa.RSAPrivateKey) else "ES256"


class ClientAssertions:
    def __init__(self, keys: Mapping[str, str], current: str, *, clock: Clock = utc_now) -> None:
        if current not in keys:
            raise UnusableSigningKey(f"the signing key {current!r} is not configured")
        self._keys = {kid: load_signing_key(pem) for kid, pem in keys.items()}
        self._current = current
        self._clock = clock

    def sign(self, *, client_id: str, token_url: str) -> str:
        """iss = sub = our client id at the receiver; aud = its token endpoint; a fresh jti so
        the receiver can refuse a replay."""
        now = self._clock()
        key = self._keys[self._current]
        claims = {
            "iss": client_id,
            "sub": client_id,
            "aud": token_url,
            "jti": str(uuid.uuid4()),
            "iat": int(now.timestamp()),
            "exp": int((now + LIFETIME).timestamp()),
        }
        return jwt.encode(
            claims, key, algorithm=algorithm(key), headers={"kid": self._current, "typ": "JWT"}
        )

    def jwks(self) -> dict[str, Any]:
        """The public halves of every configured key: the next one is published before it
        signs and the previous one stays until receivers' caches have moved on."""
        return {"keys": [self._jwk(kid, key) for kid, key in self._keys.items()]}

    @staticmethod
    def _jwk(kid: str, key: SigningKey) -> dict[str, Any]:
        public = key.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            jwk = json.loads(RSAAlgorithm.to_jwk(public))
        else:
            jwk = json.loads(ECAlgorithm.to_jwk(public))
        return {**jwk, "kid": kid, "use": "sig", "alg": algorithm(key)}


def from_settings(settings: SubscriptionsSettings) -> ClientAssertions | None:
    """None when no signing key is configured: receivers then cannot choose private_key_jwt."""
    pems = settings.client_assertion_pems
    if not pems:
        return None
    return ClientAssertions(pems, settings.client_assertion_signing_key_id)
