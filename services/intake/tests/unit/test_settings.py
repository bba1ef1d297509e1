"""Production refuses the development defaults; the DUO instellingsnummers by KvK are only a
fallback now (traject-gestart carries the provider's number), so an empty list is fine."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from inburgering.intake.settings import IntakeSettings

PRODUCTION = {
    "environment": "production",
    "jwt_dev_secret": "a-real-secret-from-the-vault-0123456789",
    "jwt_jwks_url": "https://sso.gemeente.nl/.well-known/jwks.json",
    "database_url": "postgresql+asyncpg://intake@db/intake",
    "migrate_on_start": False,
    "source_oin": "00000001234567890000",
    "bsn_key": "b" * 40,
    "gezondheid_key": "g" * 40,
    "duo_mtls": True,
    "duo_oin": "00000001234567891111",
    "gemeente_oins": "GM0772=00000001234567892222",
    "duo_base_url": "https://duo.example/v1",
}


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for field in IntakeSettings.model_fields:
        monkeypatch.delenv(field.upper(), raising=False)
        monkeypatch.delenv(f"INTAKE_{field.upper()}", raising=False)


def test_production_starts_without_fallback_instellingsnummers() -> None:
    settings = IntakeSettings(**PRODUCTION, duo_instellingen="")

    assert settings.is_production
    assert settings.instelling_per_kvk == {}


def test_production_starts_with_real_fallback_instellingsnummers() -> None:
    settings = IntakeSettings(**PRODUCTION, duo_instellingen="12345678=00A1B2C3D4")

    assert settings.instelling_per_kvk == {"12345678": "00A1B2C3D4"}


def test_production_refuses_the_development_instellingsnummers() -> None:
    with pytest.raises(ValidationError, match="duo_instellingen must be empty or name real"):
        IntakeSettings(**PRODUCTION)
