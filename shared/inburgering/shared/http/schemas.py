"""Base for API schemas: lowerCamelCase on the wire, snake_case in Python."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from inburgering.shared.persistence.unit_of_work import UnitOfWork


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Tijdstip = Annotated[datetime, AfterValidator(_as_utc)]
"""A moment in time, always answered in UTC (API Design Rules, /core/date-time/timezone)."""


class ApiModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


def _uow(request: Request) -> UnitOfWork:
    return request.app.state.runtime.uow()


UowDep = Annotated[UnitOfWork, Depends(_uow)]
