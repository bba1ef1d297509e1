"""The committed AsyncAPI document (docs/asyncapi.json) is the public contract of the topics,
next to docs/events/: it must be what the subscriptions service generates and serves."""

from __future__ import annotations

import json

from inburgering.shared.events import ALL_EVENTS
from inburgering.subscriptions.asyncapi import COMMITTED, committed_document, render

REGENERATE = "run `uv run python -m inburgering.subscriptions.asyncapi` and commit the result"


def test_the_committed_asyncapi_document_is_current() -> None:
    assert COMMITTED.exists(), f"docs/asyncapi.json is not committed: {REGENERATE}"
    assert COMMITTED.read_text() == render(committed_document()), (
        f"docs/asyncapi.json is stale: {REGENERATE}"
    )


def test_the_committed_document_lists_every_event_type_on_its_topic() -> None:
    document = json.loads(COMMITTED.read_text())
    messages = document["components"]["messages"]

    assert {m["name"] for m in messages.values()} == {e.event_type() for e in ALL_EVENTS}
    for event in ALL_EVENTS:
        on_topic = {
            messages[ref["$ref"].rsplit("/", 1)[1]]["name"]
            for ref in document["channels"][event.topic]["messages"].values()
        }
        assert event.event_type() in on_topic, f"{event.event_type()} missing on {event.topic}"
