"""Spans continue the trace an event or request arrives with."""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from inburgering.shared import tracing
from inburgering.shared.observability import traces

PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def _provider() -> InMemorySpanExporter:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    traces._tracer = provider.get_tracer("inburgering")  # the module bound the proxy at import
    return exporter


def test_a_span_continues_the_incoming_trace_and_becomes_current() -> None:
    exporter = _provider()

    with traces.span("intake-afgerond process", PARENT, SpanKind.CONSUMER) as current:
        assert tracing.current_traceparent.get() == current
        produced = traces.producer_traceparent("leerroute-geadviseerd send", current)

    assert tracing.trace_id(current) == tracing.trace_id(PARENT)
    assert current != PARENT
    assert tracing.trace_id(produced) == tracing.trace_id(PARENT)
    spans = {s.kind: s for s in exporter.get_finished_spans()}
    consumer, producer = spans[SpanKind.CONSUMER], spans[SpanKind.PRODUCER]
    assert producer.parent.span_id == consumer.context.span_id
    assert consumer.parent.span_id == int(PARENT.split("-")[2], 16)
    assert tracing.current_traceparent.get() is None


def test_without_a_valid_parent_a_new_trace_starts() -> None:
    _provider()

    with traces.span("GET", "garbage", SpanKind.SERVER) as current:
        assert tracing.is_valid(current)
        assert tracing.trace_id(current) != tracing.trace_id(PARENT)
