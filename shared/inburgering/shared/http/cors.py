"""CORS: the OpenAPI document may be read from any origin (API Design Rules); the API itself only
from the browser origins a deployment lists (for example a provider portal's web app)."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

PUBLIC_DOCUMENTS = ("/v1/openapi.json",)


class SplitCorsMiddleware:
    def __init__(self, app: ASGIApp, allow_origins: Sequence[str]) -> None:
        self.public = CORSMiddleware(app, allow_origins=["*"], allow_methods=["GET"])
        self.api = CORSMiddleware(
            app,
            allow_origins=list(allow_origins),
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "traceparent"],
            expose_headers=["API-Version", "Location", "Retry-After", "traceparent"],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        public = scope["type"] == "http" and scope.get("path") in PUBLIC_DOCUMENTS
        await (self.public if public else self.api)(scope, receive, send)
