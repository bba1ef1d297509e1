"""The platform's Prometheus metrics; every series carries the service name."""

from __future__ import annotations

import time

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HTTP_LATENCY = Histogram(
    "inburgering_http_request_duration_seconds",
    "HTTP request latency by route template",
    ["service", "method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
OUTBOX_BACKLOG = Gauge("inburgering_outbox_backlog", "Outbox events not yet published", ["service"])
OUTBOX_OLDEST_AGE = Gauge(
    "inburgering_outbox_oldest_unpublished_age_seconds",
    "Age of the oldest unpublished outbox event (0 when none)",
    ["service"],
)
RELAY_PUBLISHED = Counter(
    "inburgering_relay_published_events_total",
    "Events published by the relay",
    ["service", "topic"],
)
CONSUMER_EVENTS = Counter(
    "inburgering_consumer_events_total",
    "Events seen by the consumer, by outcome (processed, duplicate, unknown-type, dead-lettered)",
    ["service", "event_type", "outcome"],
)
CONSUMER_LAG = Gauge(
    "inburgering_consumer_lag",
    "Records between the consumer's position and the partition's high watermark",
    ["service", "topic", "partition"],
)
TIMERS_FIRED = Counter(
    "inburgering_timers_fired_total", "Durable timers fired", ["service", "name"]
)
DUO_CALLS = Counter(
    "inburgering_duo_calls_total", "Calls to DUO's APIs by outcome", ["service", "api", "outcome"]
)


def metrics_endpoint(_request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


class HttpMetricsMiddleware:
    """Latency per route template (never the raw path: ids stay out of label values)."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == "/metrics":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def remember_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, remember_status)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None)
            label = scope.get("root_path", "") + template if template else "unmatched"
            HTTP_LATENCY.labels(self.service, scope["method"], label, str(status)).observe(
                time.perf_counter() - started
            )
