"""Base for API schemas: lowerCamelCase on the wire, snake_case in Python."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator
from pydantic.alias_generators import to_camel

from inburgering.shared.persistence.request_transaction import SCOPE_KEY as REQUEST_TRANSACTION
from inburgering.shared.persistence.unit_of_work import UnitOfWork


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Tijdstip = Annotated[datetime, AfterValidator(_as_utc)]
"""A moment in time, always answered in UTC (API Design Rules, /core/date-time/timezone)."""


# Control characters (NUL among them) break storage and logs; bidirectional overrides make a
# name read differently from what it is (U+202E). Tab and newline are text.
_VERBODEN_TEKENS = {chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {
    chr(0x7F),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
}


def _zonder_stuurtekens(value: str) -> str:
    if any(teken in _VERBODEN_TEKENS for teken in value):
        raise ValueError("bevat een stuurteken (zoals NUL of een richtingsoverschrijving)")
    return value


VrijeTekst = Annotated[str, AfterValidator(_zonder_stuurtekens)]
"""Free text from a client: anything printable, no control or bidi-override characters."""


class ApiModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class ApiInvoer(ApiModel):
    """Base of what a client sends: no text in it may carry a control character (NUL among
    them) or a bidirectional override, wherever it sits; the 400 names the field."""

    @field_validator("*", mode="after")
    @classmethod
    def _geen_stuurtekens(cls, value: object) -> object:
        for tekst in _teksten(value):
            _zonder_stuurtekens(tekst)
        return value


def _teksten(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _teksten(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _teksten(key)
            yield from _teksten(item)


async def _uow(request: Request) -> UnitOfWork:
    # Async, as every dependency on the request path: a sync one runs in a worker thread.
    return request.app.state.runtime.uow(request.scope.get(REQUEST_TRANSACTION))


UowDep = Annotated[UnitOfWork, Depends(_uow)]
