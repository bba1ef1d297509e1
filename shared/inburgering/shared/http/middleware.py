"""ASGI middleware: API-Version and security headers on every response, a trace per request."""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.trace import SpanKind
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inburgering.shared.observability.traces import span
from inburgering.shared.persistence import tenancy

SECURITY_HEADERS = {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'",
}


class EdgeHeadersMiddleware:
    def __init__(self, app: ASGIApp, api_version: str) -> None:
        self.app = app
        self.api_version = api_version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers", ()):
            if name == b"traceparent":
                incoming = value.decode("latin-1")
                break
        # Each request starts unscoped (fail closed) and leaves no scope behind.
        with tenancy.scoped(None), span(scope["method"], incoming, SpanKind.SERVER) as traceparent:

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = MutableHeaders(scope=message)
                    # An endpoint implementing another party's API may name that API's version.
                    headers.setdefault("API-Version", self.api_version)
                    headers["traceparent"] = traceparent
                    for name, value in SECURITY_HEADERS.items():
                        headers.setdefault(name, value)
                await send(message)

            try:
                await self.app(scope, receive, send_with_headers)
            finally:
                route = getattr(scope.get("route"), "path", None)
                if route:
                    current = trace.get_current_span()
                    current.update_name(f"{scope['method']} {scope.get('root_path', '')}{route}")
