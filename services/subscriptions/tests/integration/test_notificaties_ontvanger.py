"""A Notificaties API receiver built the usual way (like the VNG consumers): it knows no
CloudEvents OPTIONS handshake and refuses every message that is not a valid `Message` of the
Notificaties API 1.0.0, with the schema read from the reference copy of its OpenAPI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import jsonschema
import pytest
import yaml

from inburgering.subscriptions.delivery import DeliveryWorker

from .conftest import CALLBACK, Receiver

pytestmark = pytest.mark.integration

REFERENCE = (
    Path(__file__).resolve().parents[5] / "shared/reference/vng-notificaties-api/openapi.yaml"
)


def message_errors(message: Any) -> list[str]:
    """What a VNG consumer would refuse: schema (required fields, types), URLs, a date-time
    that is not in the future."""
    if not REFERENCE.exists():
        pytest.skip(f"the Notificaties API reference is not at {REFERENCE}")
    schema = yaml.safe_load(REFERENCE.read_text())["components"]["schemas"]["Message"]
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(message)]
    if errors:
        return errors
    for name in ("hoofdObject", "resourceUrl"):
        parts = urlsplit(message[name])
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors.append(f"{name} is geen URL")
    try:
        moment = datetime.fromisoformat(message["aanmaakdatum"].replace("Z", "+00:00"))
    except ValueError:
        return [*errors, "aanmaakdatum is geen date-time"]
    if moment.tzinfo is None:
        errors.append("aanmaakdatum zonder tijdzone")
    elif moment > datetime.now(UTC):
        errors.append("aanmaakdatum in de toekomst")
    return errors


@dataclass
class NotificatiesReceiver(Receiver):
    refused: int = 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.method == "OPTIONS":
            self.handshakes.append(request)
            return httpx.Response(405, headers={"Allow": "POST"})
        try:
            errors = message_errors(httpx.Response(200, content=request.content).json())
        except ValueError:
            errors = ["geen JSON"]
        if errors:
            self.refused += 1
            return httpx.Response(400, json={"invalidParams": errors})
        self.received.append(request)
        return httpx.Response(204)


@pytest.fixture
def receiver() -> NotificatiesReceiver:
    return NotificatiesReceiver()


async def test_a_validating_notificaties_receiver_subscribes_and_receives_events(
    client, runtime, feed, aangemeld, auth, receiver: NotificatiesReceiver
) -> None:
    created = await client.post(
        "/abonnementen",
        json={"callbackUrl": CALLBACK, "auth": "Bearer x", "formaat": "notificaties"},
        headers=auth(),
    )
    await feed(aangemeld(), aangemeld())
    await DeliveryWorker(
        runtime.uow, runtime.webhooks, runtime.subscriptions_settings
    ).deliver_due()

    assert created.status_code == 201, created.text
    assert receiver.refused == 0
    test_message, *events = receiver.bodies()
    assert test_message["kanaal"] == "test"
    assert [e["kanaal"] for e in events] == ["inburgeraars", "inburgeraars"]
    assert all(message_errors(body) == [] for body in receiver.bodies())
