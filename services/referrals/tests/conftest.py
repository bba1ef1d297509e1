"""Builders for the incoming leerroute decision, shared by the unit and integration tests."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Doelgroep, Leerroute, Opleidingsniveau
from inburgering.shared.messaging import Envelope

OverRoutes = LeerrouteVastgesteld | LeerrouteGewijzigd

EINDHOVEN = "GM0772"
TILBURG = "GM0855"
AMSTERDAM = "GM0363"  # outside the Brabant network


@pytest.fixture
def besluit() -> Callable[..., LeerrouteVastgesteld]:
    """An onderwijsroute decision with hbo ambition in Eindhoven unless overridden."""

    def build(**overrides: Any) -> LeerrouteVastgesteld:
        fields: dict[str, Any] = {
            "advies_id": uuid.uuid4(),
            "inburgeraar_id": uuid.uuid4(),
            "gemeentecode": EINDHOVEN,
            "leerroute": Leerroute.ONDERWIJSROUTE,
            "afwijkend_van_advies": False,
            "doelgroep": Doelgroep.ASIELSTATUSHOUDER,
            "ambitie": Ambitie.HBO,
            "opleidingsniveau": Opleidingsniveau.VOORTGEZET,
        }
        return LeerrouteVastgesteld(**{**fields, **overrides})

    return build


@pytest.fixture
def wijziging() -> Callable[..., LeerrouteGewijzigd]:
    """A change from the onderwijsroute to the B1-route in Eindhoven unless overridden."""

    def build(**overrides: Any) -> LeerrouteGewijzigd:
        fields: dict[str, Any] = {
            "advies_id": uuid.uuid4(),
            "inburgeraar_id": uuid.uuid4(),
            "gemeentecode": EINDHOVEN,
            "vorige_leerroute": Leerroute.ONDERWIJSROUTE,
            "leerroute": Leerroute.B1_ROUTE,
            "ingangsdatum": date(2026, 12, 1),
        }
        return LeerrouteGewijzigd(**{**fields, **overrides})

    return build


@pytest.fixture
def envelope_for() -> Callable[..., Envelope]:
    """A fresh envelope per call, as a redelivery under a new event id would have; `time` is
    when routes says it happened (now unless given)."""

    def build(event: OverRoutes, time: datetime | None = None) -> Envelope:
        return Envelope(
            id=str(uuid.uuid4()),
            source="urn:nld:oin:00000000000000000000:systeem:inburgering-routes",
            type=event.event_type(),
            time=time or datetime.now(UTC),
            gemeentecode=event.gemeentecode,
            data=event.to_data(),
            key=str(event.inburgeraar_id),
        )

    return build
