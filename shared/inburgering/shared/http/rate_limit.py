"""Requests per client, limited by a token bucket in each process: 429 with Retry-After."""

from __future__ import annotations

import hashlib
import math
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from inburgering.shared.http.problems import problem_response

EXEMPT_PATHS = ("/health", "/ready", "/metrics", "/v1/openapi.json", "/v1/docs")
MAX_CLIENTS = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimitMiddleware:
    """Clients are told apart by their bearer token (hashed; never kept in clear), else by
    address. Each process counts for itself: N replicas allow a client up to N times the rate."""

    def __init__(self, app: ASGIApp, per_minute: int, burst: int) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.buckets: OrderedDict[str, _Bucket] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(EXEMPT_PATHS):
            await self.app(scope, receive, send)
            return
        wait = self._take(self._client(scope), time.monotonic())
        if wait > 0:
            response = problem_response(
                429,
                "te-veel-verzoeken",
                "Te veel verzoeken.",
                "Deze client doet meer verzoeken dan toegestaan; probeer het later opnieuw.",
                headers={"Retry-After": str(math.ceil(wait))},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _client(self, scope: Scope) -> str:
        for name, value in scope.get("headers", ()):
            if name == b"authorization":
                return "t:" + hashlib.sha256(value).hexdigest()
        client = scope.get("client")
        return "a:" + (client[0] if client else "onbekend")

    def _take(self, client: str, now: float) -> float:
        """Seconds to wait before this client may ask again; 0 when it may ask now."""
        bucket = self.buckets.pop(client, None) or _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        self.buckets[client] = bucket
        if len(self.buckets) > MAX_CLIENTS:
            self.buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate
