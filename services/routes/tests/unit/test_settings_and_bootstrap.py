from __future__ import annotations

import pytest

from inburgering.routes.bootstrap import build_parts
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.events import intake, routes


def test_settings_read_the_routes_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUTES_ONDERWIJSROUTE_MAX_LEEFTIJD", "30")
    monkeypatch.setenv("INTAKE_ONDERWIJSROUTE_MAX_LEEFTIJD", "99")
    settings = RoutesSettings()
    assert settings.onderwijsroute_max_leeftijd == 30
    assert (settings.service_name, settings.http_port) == ("routes", 8002)


def test_policy_age_defaults_to_28(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROUTES_ONDERWIJSROUTE_MAX_LEEFTIJD", raising=False)
    assert RoutesSettings().onderwijsroute_max_leeftijd == 28


def test_parts_consume_intake_afgerond_and_publish_on_the_routes_topic() -> None:
    parts = build_parts(RoutesSettings(kafka_create_topics=False))
    assert parts.handlers.get(intake.IntakeAfgerond.event_type()) is not None
    assert parts.handlers.get(intake.InburgeraarAangemeld.event_type()) is None
    assert parts.handlers.topics == {intake.TOPIC}
    assert list(parts.publishes) == [routes.TOPIC]
