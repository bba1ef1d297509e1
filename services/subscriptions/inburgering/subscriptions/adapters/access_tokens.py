"""Access tokens for receivers that want OAuth2 client credentials: fetched from the receiver's
token endpoint (authenticated with a client secret or a signed client assertion) and reused
until shortly before they expire, so a burst of deliveries costs one token request."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from inburgering.shared.scheduling.timers import Clock, utc_now
from inburgering.subscriptions.adapters.client_assertions import ClientAssertions
from inburgering.subscriptions.adapters.webhook import TokenAntwoord, WebhookClient
from inburgering.subscriptions.domain.credentials import OAuth2Credential, PrivateKeyJwt

# Without `expires_in` a token is still reused briefly; the receiver's 401 discards it earlier.
DEFAULT_LIFETIME_SECONDS = 60.0
# Renew this long before expiry (at most half the lifetime), so no request carries a token
# that expires on the way.
RENEW_BEFORE_SECONDS = 30.0


class TokenNotObtained(Exception):
    """The token endpoint gave no access token; the message is safe to log and show."""


@dataclass(frozen=True)
class _Cached:
    token: str
    renew_at: datetime


class AccessTokens:
    def __init__(
        self,
        client: WebhookClient,
        *,
        clock: Clock = utc_now,
        assertions: ClientAssertions | None = None,
    ) -> None:
        self._client = client
        self._clock = clock
        self._assertions = assertions
        self._cache: dict[str, _Cached] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def authorization(self, credentials: OAuth2Credential) -> str:
        return f"Bearer {await self.token(credentials)}"

    async def token(self, credentials: OAuth2Credential) -> str:
        key = credentials.cache_key
        # One request per credential at a time: concurrent deliveries wait for it.
        async with self._locks.setdefault(key, asyncio.Lock()):
            cached = self._cache.get(key)
            if cached is not None and self._clock() < cached.renew_at:
                return cached.token
            answer = await self._request(credentials)
            if answer.access_token is None:
                self._cache.pop(key, None)
                raise TokenNotObtained(answer.fout or "geen toegangstoken")
            lifetime = answer.expires_in or DEFAULT_LIFETIME_SECONDS
            renew = lifetime - min(RENEW_BEFORE_SECONDS, lifetime / 2)
            renew_at = self._clock() + timedelta(seconds=renew)
            self._cache[key] = _Cached(answer.access_token, renew_at)
            return answer.access_token

    async def _request(self, credentials: OAuth2Credential) -> TokenAntwoord:
        if isinstance(credentials, PrivateKeyJwt):
            if self._assertions is None:
                raise TokenNotObtained("private_key_jwt is niet geconfigureerd op het platform")
            assertion = self._assertions.sign(
                client_id=credentials.client_id, token_url=credentials.token_url
            )
            return await self._client.private_key_jwt_token(
                credentials.token_url,
                client_id=credentials.client_id,
                assertion=assertion,
                scope=credentials.scope,
            )
        return await self._client.client_credentials_token(
            credentials.token_url,
            client_id=credentials.client_id,
            client_secret=credentials.client_secret,
            scope=credentials.scope,
        )

    def forget(self, credentials: OAuth2Credential) -> None:
        """The receiver refused the token (401): fetch a new one next time."""
        self._cache.pop(credentials.cache_key, None)
