"""Every message in the Notificaties format is a valid `Message` of VNG's Notificaties API 1.0.0,
checked against the schema in the reference copy of its OpenAPI (read, not copied)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from inburgering.shared.events import ALL_EVENTS
from inburgering.subscriptions.domain.model import Gebeurtenis, notificatie, proefnotificatie

REFERENCE = (
    Path(__file__).resolve().parents[5] / "shared/reference/vng-notificaties-api/openapi.yaml"
)


@pytest.fixture(scope="module")
def message_schema() -> dict[str, Any]:
    if not REFERENCE.exists():
        pytest.skip(f"the Notificaties API reference is not at {REFERENCE}")
    return yaml.safe_load(REFERENCE.read_text())["components"]["schemas"]["Message"]


def _valid(schema: dict[str, Any], message: dict[str, Any]) -> None:
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(message)


@pytest.mark.parametrize("event", list(ALL_EVENTS), ids=lambda e: e.event_type())
def test_every_event_type_becomes_a_valid_notificaties_message(event, message_schema) -> None:
    gebeurtenis = Gebeurtenis(
        gemeentecode="GM0772",
        volgnummer=7,
        event_id=str(uuid.uuid4()),
        source="urn:nld:oin:00000000000000000000:systeem:inburgering-intake",
        type=event.event_type(),
        topic=event.topic,
        time=datetime.now(UTC),
        sleutel=str(uuid.uuid4()),
        data={},
    )

    _valid(message_schema, notificatie(gebeurtenis, base_url="http://127.0.0.1"))


def test_the_registration_test_message_is_a_valid_message_made_now(message_schema) -> None:
    before = datetime.now(UTC)

    message = proefnotificatie(base_url="https://api.inburgering.example", now=datetime.now(UTC))

    _valid(message_schema, message)
    made = datetime.fromisoformat(message["aanmaakdatum"].replace("Z", "+00:00"))
    assert message["aanmaakdatum"].endswith("Z")
    assert before <= made <= datetime.now(UTC) + timedelta(seconds=1)
