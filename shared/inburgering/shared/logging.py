"""Structured logging; a processor masks anything that looks like a BSN before it is written."""

from __future__ import annotations

import logging
import re
import sys

import structlog

from inburgering.shared import tracing

_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
MASK = "*********"


def mask_bsn(text: str) -> str:
    return _NINE_DIGITS.sub(MASK, text)


def _redact(_logger: object, _method: str, event_dict: dict) -> dict:
    for key, value in list(event_dict.items()):
        if isinstance(value, str):
            event_dict[key] = mask_bsn(value)
        elif isinstance(value, int) and not isinstance(value, bool) and 10**8 <= value < 10**9:
            event_dict[key] = MASK
    return event_dict


def _trace(_logger: object, _method: str, event_dict: dict) -> dict:
    trace_id = tracing.trace_id(tracing.current_traceparent.get())
    if trace_id:
        event_dict.setdefault("trace_id", trace_id)
    return event_dict


class _MaskingFilter(logging.Filter):
    """Masks BSN-like numbers in records of libraries that log through the stdlib."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_bsn(str(record.getMessage()))
        record.args = ()
        # Exception messages (e.g. SQL parameters) reach the output through the traceback text.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_bsn(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_bsn(record.stack_info)
        return True


def configure_logging(*, json: bool, level: str = "INFO") -> None:
    renderer = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _trace,
            structlog.processors.format_exc_info,
            _redact,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_MaskingFilter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
