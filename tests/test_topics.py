"""deploy/kafka/topics.yaml lists every topic the services publish to, with the right events."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from inburgering.shared.events import ALL_EVENTS

TOPICS = Path(__file__).resolve().parents[1] / "deploy" / "kafka" / "topics.yaml"


def test_every_event_type_is_declared_on_its_topic() -> None:
    declared = {
        t["name"]: set(t.get("events", [])) for t in yaml.safe_load(TOPICS.read_text())["topics"]
    }
    published: dict[str, set[str]] = defaultdict(set)
    for event in ALL_EVENTS:
        published[event.topic].add(event.event_type())
    for topic, events in published.items():
        assert topic in declared, f"{topic} is missing from topics.yaml"
        assert declared[topic] == events, f"{topic} declares {declared[topic]}, publishes {events}"


def test_every_consuming_service_has_a_dead_letter_topic() -> None:
    names = {t["name"] for t in yaml.safe_load(TOPICS.read_text())["topics"]}
    assert {"routes.inbox.dlq", "contracts.inbox.dlq", "referrals.inbox.dlq"} <= names
