"""JSON Schemas of the integration events: generated from the models, committed under docs/events/,
and checked for staleness and compatible evolution."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inburgering.shared.events import ALL_EVENTS
from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.messaging.envelope import SCHEMA_BASE

REPOSITORY_ROOT = Path(__file__).resolve().parents[3]
SCHEMA_DIR = REPOSITORY_ROOT / "docs" / "events"


def schema_for(event: type[IntegrationEvent]) -> dict[str, Any]:
    schema = event.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}:{event.event_name}",
        "x-cloudevents-type": event.event_type(),
        "x-topic": event.topic,
        "x-kafka-key": event.key_field,
        **schema,
    }


def generate() -> dict[str, dict[str, Any]]:
    return {f"{event.event_type()}.json": schema_for(event) for event in ALL_EVENTS}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(target: Path = SCHEMA_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generate().items():
        path = target / name
        path.write_text(render(schema))
        written.append(path)
    return written


def _resolve(node: Any, defs: dict[str, Any]) -> Any:
    """Inline local $refs so two schemas compare by meaning, not by where definitions live."""
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            return _resolve(defs[node["$ref"].removeprefix("#/$defs/")], defs)
        return {k: _resolve(v, defs) for k, v in node.items() if k not in ("title", "description")}
    if isinstance(node, list):
        return [_resolve(item, defs) for item in node]
    return node


def _widened_enum(old: Any, new: Any) -> bool:
    """An enum that only gained values is compatible for tolerant readers of the old one."""
    if isinstance(old, dict) and isinstance(new, dict) and "enum" in old and "enum" in new:
        rest_old = {k: v for k, v in old.items() if k != "enum"}
        rest_new = {k: v for k, v in new.items() if k != "enum"}
        return rest_old == rest_new and set(old["enum"]) <= set(new["enum"])
    if isinstance(old, dict) and isinstance(new, dict) and "anyOf" in old and "anyOf" in new:
        return len(old["anyOf"]) == len(new["anyOf"]) and all(
            o == n or _widened_enum(o, n) for o, n in zip(old["anyOf"], new["anyOf"], strict=True)
        )
    return False


def compatibility_problems(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What in `new` breaks a consumer built against `old`: only optional fields may be added."""
    problems = []
    old_props = _resolve(old.get("properties", {}), old.get("$defs", {}))
    new_props = _resolve(new.get("properties", {}), new.get("$defs", {}))
    for name, definition in old_props.items():
        if name not in new_props:
            problems.append(f"field '{name}' was removed")
        elif new_props[name] != definition and not _widened_enum(definition, new_props[name]):
            problems.append(f"field '{name}' changed its type or constraints")
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    for name in sorted(new_required - old_required):
        problems.append(f"field '{name}' became required")
    for name in sorted(old_required - new_required):
        problems.append(f"field '{name}' is no longer always present")
    for key in ("x-cloudevents-type", "x-topic", "x-kafka-key"):
        if old.get(key) != new.get(key):
            problems.append(f"{key} changed from {old.get(key)!r} to {new.get(key)!r}")
    return problems
