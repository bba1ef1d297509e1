"""What we present to a subscriber's endpoint: a fixed Authorization value, or an OAuth2 access
token (NL GOV OAuth profile) that the delivery worker obtains with the client credentials grant,
authenticating with a client secret or with a JWT signed by the platform (private_key_jwt)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

OAUTH2_CLIENT_CREDENTIALS = "OAUTH2_CLIENT_CREDENTIALS"
OAUTH2_PRIVATE_KEY_JWT = "OAUTH2_PRIVATE_KEY_JWT"
STATIC = "AUTHORIZATION"


@dataclass(frozen=True)
class StaticAuthorization:
    """The full header value, e.g. `Bearer abc` (as `auth` in the Notificaties API)."""

    authorization: str


@dataclass(frozen=True)
class ClientCredentials:
    token_url: str
    client_id: str
    client_secret: str
    scope: str | None = None

    @property
    def cache_key(self) -> str:
        """Identifies the token without holding the secret in clear (a changed secret is a new
        key, so a token of the old one is not reused)."""
        material = "\n".join((self.token_url, self.client_id, self.scope or "", self.client_secret))
        return hashlib.sha256(material.encode()).hexdigest()


@dataclass(frozen=True)
class PrivateKeyJwt:
    """Client credentials grant where the platform authenticates with a client assertion signed
    by its own key (RFC 7523): the receiver registered our JWKS for `client_id`; no secret."""

    token_url: str
    client_id: str
    scope: str | None = None

    @property
    def cache_key(self) -> str:
        material = "\n".join(
            (OAUTH2_PRIVATE_KEY_JWT, self.token_url, self.client_id, self.scope or "")
        )
        return hashlib.sha256(material.encode()).hexdigest()


OAuth2Credential = ClientCredentials | PrivateKeyJwt
Credential = StaticAuthorization | ClientCredentials | PrivateKeyJwt


def to_json(credential: Credential) -> bytes:
    if isinstance(credential, StaticAuthorization):
        content: dict[str, Any] = {"type": STATIC, "authorization": credential.authorization}
    elif isinstance(credential, PrivateKeyJwt):
        content = {
            "type": OAUTH2_PRIVATE_KEY_JWT,
            "tokenUrl": credential.token_url,
            "clientId": credential.client_id,
            "scope": credential.scope,
        }
    else:
        content = {
            "type": OAUTH2_CLIENT_CREDENTIALS,
            "tokenUrl": credential.token_url,
            "clientId": credential.client_id,
            "clientSecret": credential.client_secret,
            "scope": credential.scope,
        }
    return json.dumps(content, separators=(",", ":")).encode()


def from_json(raw: bytes) -> Credential:
    content = json.loads(raw)
    if content["type"] == OAUTH2_CLIENT_CREDENTIALS:
        return ClientCredentials(
            token_url=content["tokenUrl"],
            client_id=content["clientId"],
            client_secret=content["clientSecret"],
            scope=content.get("scope"),
        )
    if content["type"] == OAUTH2_PRIVATE_KEY_JWT:
        return PrivateKeyJwt(
            token_url=content["tokenUrl"], client_id=content["clientId"], scope=content.get("scope")
        )
    return StaticAuthorization(content["authorization"])
