"""The AsyncAPI 3 document: every event type, on its topic and on the gemeente topics, with the
same payload schema as docs/events/, and every reference resolvable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inburgering.shared.events import ALL_EVENTS

pytestmark = pytest.mark.integration

DOCS = Path(__file__).resolve().parents[4] / "docs" / "events"


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for item in node for r in _refs(item)]
    return []


def _resolve(document: dict, ref: str) -> Any:
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


async def test_the_asyncapi_document_describes_every_event_on_its_topic(client) -> None:
    response = await client.get("/asyncapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["asyncapi"] == "3.0.0"
    for ref in _refs(document):
        _resolve(document, ref)  # raises KeyError when dangling
    messages = document["components"]["messages"]
    names = {m["name"] for m in messages.values()}
    assert names == {event.event_type() for event in ALL_EVENTS}
    for event in ALL_EVENTS:
        channel = document["channels"][event.topic]
        [message] = [
            _resolve(document, m["$ref"])
            for m in channel["messages"].values()
            if _resolve(document, m["$ref"])["name"] == event.event_type()
        ]
        committed = json.loads((DOCS / f"{event.event_type()}.json").read_text())
        assert set(message["payload"]["properties"]) == set(committed["properties"])
    gemeente = document["channels"]["gemeenteTopic"]
    assert gemeente["address"] == "inburgering.gemeente.{gemeentecode}"
    assert len(gemeente["messages"]) == len(
        [e for e in ALL_EVENTS if not e.topic.startswith("subscriptions.")]
    )
