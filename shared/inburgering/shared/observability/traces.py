"""OpenTelemetry spans around each API call, each published event and each consumed event. The W3C
`traceparent` in every event's envelope carries the trace from one service to the next."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from inburgering.shared import tracing

_propagator = TraceContextTextMapPropagator()
_tracer = trace.get_tracer("inburgering")


def configure_tracing(service_name: str, otlp_endpoint: str = "") -> None:
    """Spans always get real ids; they leave the process only when an OTLP endpoint is set."""
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    if otlp_endpoint:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        endpoint = otlp_endpoint.rstrip("/") + "/v1/traces"
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)


@contextlib.contextmanager
def span(name: str, parent: str | None, kind: SpanKind) -> Iterator[str]:
    """A span under the given traceparent (a new trace without one); yields the span's own
    traceparent, which becomes the current one for everything done inside."""
    carrier = {"traceparent": parent} if tracing.is_valid(parent) else {}
    context = _propagator.extract(carrier)
    with _tracer.start_as_current_span(name, context=context, kind=kind):
        headers: dict[str, str] = {}
        _propagator.inject(headers)
        current = headers.get("traceparent") or tracing.child_of(parent)
        token = tracing.current_traceparent.set(current)
        try:
            yield current
        finally:
            tracing.current_traceparent.reset(token)


def producer_traceparent(name: str, parent: str | None) -> str:
    """The traceparent an event carries: a producer span, child of the work that wrote it."""
    with span(name, parent, SpanKind.PRODUCER) as traceparent:
        return traceparent
