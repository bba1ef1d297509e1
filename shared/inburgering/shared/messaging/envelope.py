"""CloudEvents 1.0 (NL GOV profile) envelope in Kafka binary mode, through the cloudevents SDK."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloudevents.core.bindings.kafka import KafkaMessage, from_binary, to_binary
from cloudevents.core.exceptions import BaseCloudEventException
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from inburgering.shared.events.base import GEMEENTECODE_PATTERN, TYPE_PREFIX
from inburgering.shared.messaging.errors import InvalidEnvelope
from inburgering.shared.tracing import is_valid as is_valid_traceparent

_FORMAT = JSONFormat()
_GEMEENTECODE = re.compile(GEMEENTECODE_PATTERN)
DATA_CONTENT_TYPE = "application/json"
SCHEMA_BASE = "urn:nld:inburgering:schema"
_REQUIRED_HEADERS = ("ce_id", "ce_specversion")


@dataclass(frozen=True)
class Envelope:
    """One event as it travels: CloudEvents context attributes plus JSON data."""

    id: str
    source: str
    type: str
    time: datetime
    gemeentecode: str
    data: dict[str, Any]
    key: str | None = None
    traceparent: str | None = None
    extra_headers: tuple[tuple[str, bytes], ...] = field(default=())

    @property
    def dataschema(self) -> str:
        return f"{SCHEMA_BASE}:{self.type.removeprefix(TYPE_PREFIX)}"

    def to_kafka(self) -> KafkaMessage:
        attributes: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "type": self.type,
            "time": self.time if self.time.tzinfo else self.time.replace(tzinfo=UTC),
            "datacontenttype": DATA_CONTENT_TYPE,
            "dataschema": self.dataschema,
            "gemeentecode": self.gemeentecode,
        }
        if self.traceparent:
            attributes["traceparent"] = self.traceparent
        event = CloudEvent(attributes, self.data)
        return to_binary(event, _FORMAT, key_mapper=lambda _e: self.key)

    def kafka_headers(self, message: KafkaMessage) -> list[tuple[str, bytes]]:
        return [*message.headers.items(), *self.extra_headers]

    @classmethod
    def from_kafka(
        cls, headers: Iterable[tuple[str, bytes]], key: bytes | None, value: bytes | None
    ) -> Envelope:
        """Parse a binary-mode record; anything unreadable raises InvalidEnvelope."""
        header_map = {name: raw for name, raw in headers if raw is not None}
        # The SDK invents a random id (and assumes 1.0) when these are absent, which would
        # turn every redelivery into a "new" event that the inbox cannot recognise.
        present = {name.lower() for name in header_map}
        missing = [name for name in _REQUIRED_HEADERS if name not in present]
        if missing:
            raise InvalidEnvelope(f"not a CloudEvent: missing {', '.join(missing)}")
        try:
            event = from_binary(KafkaMessage(header_map, key, value or b""), _FORMAT)
        except (BaseCloudEventException, ValueError, UnicodeDecodeError) as exc:
            raise InvalidEnvelope(f"not a CloudEvent: {exc}") from exc
        attributes = event.get_attributes()
        gemeentecode = attributes.get("gemeentecode")
        if not isinstance(gemeentecode, str) or not _GEMEENTECODE.match(gemeentecode):
            raise InvalidEnvelope("missing or malformed gemeentecode extension")
        data = event.get_data()
        if not isinstance(data, dict):
            raise InvalidEnvelope("data is not a JSON object")
        time = attributes.get("time") or datetime.now(UTC)
        traceparent = attributes.get("traceparent")
        return cls(
            id=str(attributes["id"]),
            source=str(attributes["source"]),
            type=str(attributes["type"]),
            time=time,
            gemeentecode=gemeentecode,
            data=data,
            key=key.decode() if isinstance(key, bytes) else key,
            traceparent=traceparent if is_valid_traceparent(traceparent) else None,
        )
