from __future__ import annotations

import pytest

from inburgering.routes.bootstrap import build_parts
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.events import contracts, intake, routes


def test_settings_read_the_routes_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUTES_ONDERWIJSROUTE_MAX_LEEFTIJD", "30")
    monkeypatch.setenv("INTAKE_ONDERWIJSROUTE_MAX_LEEFTIJD", "99")
    settings = RoutesSettings()
    assert settings.onderwijsroute_max_leeftijd == 30
    assert (settings.service_name, settings.http_port) == ("routes", 8002)


def test_policy_age_defaults_to_28(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROUTES_ONDERWIJSROUTE_MAX_LEEFTIJD", raising=False)
    assert RoutesSettings().onderwijsroute_max_leeftijd == 28


def test_parts_consume_intake_and_contracts_events_and_publish_on_the_routes_topic() -> None:
    parts = build_parts(RoutesSettings(kafka_create_topics=False))
    for consumed in (
        intake.IntakeAfgerond,
        intake.PipVastgesteld,
        intake.InburgeringstermijnVerlengd,
        contracts.UrenMijlpaalBereikt,
        contracts.SamenwerkingsverbandGewijzigd,
    ):
        assert parts.handlers.get(consumed.event_type()) is not None, consumed
    assert parts.handlers.get(intake.InburgeraarAangemeld.event_type()) is None
    assert parts.handlers.topics == {intake.TOPIC, contracts.TOPIC}
    assert list(parts.publishes) == [routes.TOPIC]


def test_the_scheduler_fires_the_three_termijn_signals() -> None:
    parts = build_parts(RoutesSettings(kafka_create_topics=False))
    assert parts.timers is not None
    assert set(parts.timers.handlers) == {
        "routewijziging-venster-sluit",
        "verlengingsvenster-geopend",
        "termijn-verloopt",
    }


def test_signal_lead_times_are_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUTES_TERMIJN_VERLOOPT_SIGNAAL_DAGEN_VOORAF", "30")
    monkeypatch.setenv("ROUTES_ROUTEWIJZIGING_SIGNAAL_DAGEN_VOORAF", "14")
    parts = build_parts(RoutesSettings(kafka_create_topics=False))
    vooraf = parts.state["signaaltermijnen"]
    assert (vooraf.termijn_verloopt_dagen_vooraf, vooraf.routewijziging_dagen_vooraf) == (30, 14)
