"""Which handler applies which incoming event type, and where a consumer parks what it cannot."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.persistence.unit_of_work import UnitOfWork

E = TypeVar("E", bound=IntegrationEvent)
Handler = Callable[[UnitOfWork, E, Envelope], Awaitable[None]]


@dataclass(frozen=True)
class Registration(Generic[E]):
    model: type[E]
    handler: Handler[E]


class HandlerRegistry:
    """Which handler applies which incoming event type."""

    def __init__(self) -> None:
        self._handlers: dict[str, Registration[Any]] = {}

    def register(self, model: type[E], handler: Handler[E]) -> None:
        self._handlers[model.event_type()] = Registration(model, handler)

    def get(self, event_type: str) -> Registration[Any] | None:
        return self._handlers.get(event_type)

    @property
    def topics(self) -> set[str]:
        return {registration.model.topic for registration in self._handlers.values()}


def dead_letter_topic(consumer_name: str) -> str:
    return f"{consumer_name}.dlq"
