from __future__ import annotations

import pytest
from pydantic import ValidationError

from inburgering.contracts.bootstrap import build_parts
from inburgering.contracts.seed import seed_demo_region
from inburgering.contracts.settings import ContractsSettings

PRODUCTION = {
    "environment": "production",
    "jwt_dev_secret": "a-production-secret-that-is-not-the-default-0123456789",
    "jwt_jwks_url": "https://auth.example.nl/jwks.json",
    "database_url": "postgresql+asyncpg://contracts@db/contracts",
    "migrate_on_start": False,
    "source_oin": "00000001234567890000",
}


def test_production_refuses_to_seed_demo_data() -> None:
    with pytest.raises(ValidationError, match="seed_demo_data must be false"):
        ContractsSettings(**PRODUCTION)
    assert ContractsSettings(**PRODUCTION, seed_demo_data=False).is_production


def test_settings_read_the_contracts_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTRACTS_SEED_DEMO_DATA", "false")
    monkeypatch.setenv("CONTRACTS_ALLOCATIEBELEID", "meeste-vrije-plaatsen")
    settings = ContractsSettings()
    assert settings.seed_demo_data is False
    assert settings.allocatiebeleid == "meeste-vrije-plaatsen"
    assert settings.service_name == "contracts"
    assert settings.http_port == 8003


def test_the_demo_region_is_seeded_only_when_enabled() -> None:
    assert build_parts(ContractsSettings(seed_demo_data=True)).seed is seed_demo_region
    assert build_parts(ContractsSettings(seed_demo_data=False)).seed is None


def test_the_service_consumes_leerroute_vastgesteld_and_publishes_placements() -> None:
    parts = build_parts(ContractsSettings())
    # intake's topic too: the region's pipeline for the forecast and statistics.
    assert parts.handlers.topics == {"routes.leerroute", "intake.inburgeraar"}
    assert parts.handlers.get("nl.inburgering.leerroute-vastgesteld") is not None
    assert list(parts.publishes) == ["contracts.plaatsing"]
