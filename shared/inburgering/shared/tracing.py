"""W3C trace context carried from the API call through every event (the `traceparent` extension)."""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")

current_traceparent: ContextVar[str | None] = ContextVar("current_traceparent", default=None)


def is_valid(traceparent: str | None) -> bool:
    if not traceparent:
        return False
    match = _TRACEPARENT.match(traceparent)
    return bool(match) and set(match.group(1)) != {"0"} and set(match.group(2)) != {"0"}


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def child_of(traceparent: str | None) -> str:
    """A new span in the same trace, or a new trace when the parent is missing or invalid."""
    if not is_valid(traceparent):
        return new_traceparent()
    assert traceparent is not None
    _, trace_id, _, flags = traceparent.split("-")
    return f"00-{trace_id}-{secrets.token_hex(8)}-{flags}"


def trace_id(traceparent: str | None) -> str | None:
    return traceparent.split("-")[1] if is_valid(traceparent) else None
