"""Integration events: the public, versioned payloads that cross Kafka."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

TYPE_PREFIX = "nl.inburgering."
GEMEENTECODE_PATTERN = r"^GM\d{4}$"
_TYPE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.v[2-9]\d*)?$")


class IntegrationEvent(BaseModel):
    """Base of every event that leaves a service; fields are camelCase on the wire.

    Subclasses name their CloudEvents `type` (without prefix), the topic they are
    published on, and the aggregate whose id becomes the Kafka key. Events carry
    opaque ids only: never a BSN, name or health detail.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        # Tolerant reader: a consumer ignores fields added after it was built.
        extra="ignore",
        frozen=True,
    )

    event_name: ClassVar[str]
    topic: ClassVar[str]
    aggregate_type: ClassVar[str]
    # Person-related events are keyed by the inburgeraar so that they stay in order.
    key_field: ClassVar[str] = "inburgeraar_id"

    def partition_key(self) -> str:
        return str(getattr(self, self.key_field))

    @classmethod
    def event_type(cls) -> str:
        return TYPE_PREFIX + cls.event_name

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("event_name")
        if name is not None and not _TYPE_NAME.match(name):
            raise TypeError(f"{cls.__name__}.event_name {name!r} is not kebab-case")

    def to_data(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


class EventCatalog:
    """The event types a producer publishes, looked up by CloudEvents type."""

    def __init__(self, *events: type[IntegrationEvent]) -> None:
        self._by_type = {e.event_type(): e for e in events}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._by_type.values())

    def get(self, event_type: str) -> type[IntegrationEvent] | None:
        return self._by_type.get(event_type)
