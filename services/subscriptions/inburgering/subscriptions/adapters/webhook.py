"""Calls to subscribers' endpoints: the registration handshake and the deliveries."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class Antwoord:
    """What the receiver answered; `status` is None when it could not be reached."""

    status: int | None
    retry_after: str | None = None
    fout: str | None = None

    @property
    def geslaagd(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class WebhookClient:
    """`transport` lets tests put a scripted receiver behind the same client code."""

    def __init__(
        self, *, timeout_seconds: float = 10, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self._timeout = timeout_seconds
        self._transport = transport

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=self._timeout, transport=self._transport, follow_redirects=False
        )

    async def handshake(self, url: str, *, origin: str, authorization: str) -> bool:
        """CloudEvents HTTP webhook abuse protection: the receiver must allow our origin."""
        try:
            async with self._client() as client:
                response = await client.options(
                    url,
                    headers={"WebHook-Request-Origin": origin, "Authorization": authorization},
                )
        except httpx.HTTPError:
            return False
        allowed = response.headers.get("WebHook-Allowed-Origin", "")
        return 200 <= response.status_code < 300 and allowed.strip() in (origin, "*")

    async def post(self, url: str, *, body: bytes, headers: dict[str, str]) -> Antwoord:
        try:
            async with self._client() as client:
                response = await client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            # The class name only: messages may echo the URL, which can carry a token.
            return Antwoord(status=None, fout=f"niet bereikbaar: {type(exc).__name__}")
        fout = None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"
        return Antwoord(response.status_code, response.headers.get("Retry-After"), fout)
