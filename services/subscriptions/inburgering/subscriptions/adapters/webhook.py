"""Calls to subscribers' endpoints: the registration handshake and the deliveries."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import structlog

from inburgering.subscriptions.adapters.egress import (
    BestemmingGeweigerd,
    EgressPolicy,
    PinnedTransport,
)

log = structlog.get_logger(__name__)

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@dataclass(frozen=True)
class Antwoord:
    """What the receiver answered; `status` is None when it could not be reached."""

    status: int | None
    retry_after: str | None = None
    fout: str | None = None

    @property
    def geslaagd(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class TokenAntwoord:
    """The token endpoint's answer; `access_token` is None when it gave none."""

    access_token: str | None
    expires_in: float | None = None
    fout: str | None = None


class WebhookClient:
    """Every request first passes the egress policy and then connects only to the address it
    checked (see `egress`). `transport` lets tests put a scripted receiver behind the same
    client code; the policy still decides before anything reaches it."""

    def __init__(
        self,
        *,
        egress: EgressPolicy | None = None,
        timeout_seconds: float = 10,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        # Without one: public addresses only, which is what production needs anyway.
        self.egress = egress or EgressPolicy(https_only=False, refuse_loopback=True)
        self._timeout = timeout_seconds
        self._transport = transport

    async def _client(self, url: str) -> httpx.AsyncClient:
        """Raises BestemmingGeweigerd before any connection when the policy refuses `url`."""
        try:
            bestemming = await self.egress.check(url)
        except BestemmingGeweigerd as exc:
            log.warning("egress.refused", reason=str(exc))
            raise
        return httpx.AsyncClient(
            timeout=self._timeout,
            transport=self._transport or PinnedTransport(bestemming),
            follow_redirects=False,
            trust_env=False,
        )

    async def handshake(self, url: str, *, origin: str, authorization: str) -> bool:
        """CloudEvents HTTP webhook abuse protection: the receiver must allow our origin."""
        try:
            async with await self._client(url) as client:
                response = await client.options(
                    url,
                    headers={"WebHook-Request-Origin": origin, "Authorization": authorization},
                )
        except (httpx.HTTPError, BestemmingGeweigerd):
            return False
        allowed = response.headers.get("WebHook-Allowed-Origin", "")
        return 200 <= response.status_code < 300 and allowed.strip() in (origin, "*")

    async def post(self, url: str, *, body: bytes, headers: dict[str, str]) -> Antwoord:
        try:
            async with await self._client(url) as client:
                response = await client.post(url, content=body, headers=headers)
        except BestemmingGeweigerd as exc:
            return Antwoord(status=None, fout=f"bestemming geweigerd: {exc}")
        except httpx.HTTPError as exc:
            # The class name only: messages may echo the URL, which can carry a token.
            return Antwoord(status=None, fout=f"niet bereikbaar: {type(exc).__name__}")
        fout = None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"
        return Antwoord(response.status_code, response.headers.get("Retry-After"), fout)

    async def client_credentials_token(
        self, token_url: str, *, client_id: str, client_secret: str, scope: str | None
    ) -> TokenAntwoord:
        """RFC 6749 §4.4 with HTTP Basic client authentication (`client_secret_basic`)."""
        form = {"grant_type": "client_credentials"}
        return await self._token(
            token_url, form, scope, auth=httpx.BasicAuth(client_id, client_secret)
        )

    async def private_key_jwt_token(
        self, token_url: str, *, client_id: str, assertion: str, scope: str | None
    ) -> TokenAntwoord:
        """RFC 6749 §4.4 with a client assertion (RFC 7523 §2.2, `private_key_jwt`)."""
        form = {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion,
        }
        return await self._token(token_url, form, scope, auth=None)

    async def _token(
        self, token_url: str, form: dict[str, str], scope: str | None, *, auth: httpx.Auth | None
    ) -> TokenAntwoord:
        if scope:
            form["scope"] = scope
        try:
            async with await self._client(token_url) as client:
                response = await client.post(
                    token_url, data=form, auth=auth, headers={"Accept": "application/json"}
                )
        except BestemmingGeweigerd as exc:
            return TokenAntwoord(None, fout=f"tokenUrl geweigerd: {exc}")
        except httpx.HTTPError as exc:
            return TokenAntwoord(None, fout=f"tokenUrl niet bereikbaar: {type(exc).__name__}")
        try:
            content = response.json()
        except ValueError:
            content = {}
        if not isinstance(content, dict):
            content = {}
        token = content.get("access_token")
        if response.status_code != 200 or not isinstance(token, str) or not token:
            # Only the OAuth error code: a description may echo what the client sent.
            code = content.get("error")
            detail = f" ({code})" if isinstance(code, str) and code.isascii() else ""
            fout = f"geen toegangstoken: HTTP {response.status_code}{detail}"
            return TokenAntwoord(None, fout=fout)
        expires_in = content.get("expires_in")
        return TokenAntwoord(
            token, float(expires_in) if isinstance(expires_in, int | float) else None
        )
