"""The AsyncAPI 3 document of the platform's topics, generated from the event models (the
same JSON Schemas as docs/events/), including the per-gemeente topics this service fills."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from inburgering.shared.events import ALL_EVENTS
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.messaging.envelope import SCHEMA_BASE
from inburgering.subscriptions.settings import SubscriptionsSettings

GEMEENTE_CHANNEL = "gemeenteTopic"

_CE_HEADERS = {
    "type": "object",
    "description": "CloudEvents 1.0 context attributes in Kafka binary mode (NL GOV profile).",
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_gemeentecode"],
    "properties": {
        "ce_specversion": {"type": "string", "const": "1.0"},
        "ce_id": {"type": "string", "format": "uuid"},
        "ce_source": {"type": "string", "description": "urn:nld:oin:<OIN>:systeem:<service>"},
        "ce_type": {"type": "string"},
        "ce_time": {"type": "string", "format": "date-time"},
        "ce_dataschema": {"type": "string"},
        "ce_gemeentecode": {"type": "string", "pattern": r"^GM\d{4}$"},
        "ce_traceparent": {"type": "string"},
        "ce_sequence": {
            "type": "string",
            "description": "Only on per-gemeente topics: the gemeente's sequence number.",
        },
        "ce_sequencetype": {"type": "string", "const": "Integer"},
        "content-type": {"type": "string", "const": "application/json"},
    },
}


def _message_id(event: type[IntegrationEvent]) -> str:
    return event.event_name.replace(".", "-")


def _payload(event: type[IntegrationEvent], schemas: dict[str, Any]) -> dict[str, Any]:
    schema = event.model_json_schema(by_alias=True, mode="serialization")
    for name, definition in schema.pop("$defs", {}).items():
        schemas[name] = definition
    return schema


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (v.replace("#/$defs/", "#/components/schemas/") if k == "$ref" else _rewrite_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


@cache
def document(version: str, gemeente_topic_prefix: str) -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    by_topic: dict[str, list[str]] = defaultdict(list)
    for event in ALL_EVENTS:
        message_id = _message_id(event)
        messages[message_id] = {
            "name": event.event_type(),
            "title": event.__name__,
            "summary": (event.__doc__ or "").strip().splitlines()[0],
            "contentType": "application/json",
            "traits": [{"$ref": "#/components/messageTraits/cloudEventsBinary"}],
            "payload": _payload(event, schemas),
            "bindings": {"kafka": {"key": {"type": "string", "description": event.key_field}}},
            "x-dataschema": f"{SCHEMA_BASE}:{event.event_name}",
        }
        by_topic[event.topic].append(message_id)
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    for topic, ids in sorted(by_topic.items()):
        channels[topic] = {
            "address": topic,
            "messages": {i: {"$ref": f"#/components/messages/{i}"} for i in ids},
        }
        operations[f"send.{topic}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{topic}"},
        }
    domain = [
        i for topic, ids in by_topic.items() if not topic.startswith("subscriptions.") for i in ids
    ]
    channels[GEMEENTE_CHANNEL] = {
        "address": gemeente_topic_prefix + "{gemeentecode}",
        "description": "Only this gemeente's events; one prefixed ACL per gemeente principal.",
        "parameters": {"gemeentecode": {"description": "CBS-code, bv. GM0772"}},
        "messages": {i: {"$ref": f"#/components/messages/{i}"} for i in domain},
    }
    operations["receive.gemeenteTopic"] = {
        "action": "receive",
        "channel": {"$ref": f"#/channels/{GEMEENTE_CHANNEL}"},
        "summary": "A gemeente's systems read their own topic.",
    }
    return _rewrite_refs(
        {
            "asyncapi": "3.0.0",
            "info": {
                "title": "Platform Inburgering events",
                "version": version,
                "description": "Integration events (CloudEvents 1.0, NL GOV profile) on Kafka.",
            },
            "defaultContentType": "application/json",
            "channels": channels,
            "operations": operations,
            "components": {
                "messages": messages,
                "schemas": schemas,
                "messageTraits": {"cloudEventsBinary": {"headers": _CE_HEADERS}},
            },
        }
    )


REPOSITORY_ROOT = Path(__file__).resolve().parents[4]
COMMITTED = REPOSITORY_ROOT / "docs" / "asyncapi.json"


def committed_document() -> dict[str, Any]:
    """The document as committed: the release version and the default topic prefix, so the file
    does not depend on the environment it was written from."""
    # Imported here: the composition root imports this module (through the API router).
    from inburgering.subscriptions.bootstrap import VERSION

    prefix = SubscriptionsSettings.model_fields["gemeente_topic_prefix"].default
    return document(VERSION, prefix)


def render(content: dict[str, Any]) -> str:
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


def write(target: Path = COMMITTED) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(committed_document()))
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else COMMITTED))
