import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from inburgering.shared.settings import BaseServiceSettings

SAFE_PRODUCTION = {
    "service_name": "proef",
    "environment": "production",
    "jwt_dev_secret": "a-real-secret-from-the-vault-0123456789",
    "jwt_jwks_url": "https://sso.gemeente.nl/.well-known/jwks.json",
    "database_url": "postgresql+asyncpg://proef@db/proef",
    "migrate_on_start": False,
    "source_oin": "00000001234567890000",
}


class ProefSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(env_prefix="PROEF_", extra="ignore", validate_default=True)

    service_name: str = "proef"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for field in BaseServiceSettings.model_fields:
        monkeypatch.delenv(field.upper(), raising=False)
        monkeypatch.delenv(f"PROEF_{field.upper()}", raising=False)


def test_development_defaults_are_accepted_in_development():
    settings = BaseServiceSettings(service_name="proef")

    assert not settings.is_production
    assert settings.effective_database_url.startswith("sqlite+aiosqlite:///")
    assert settings.audience == "inburgering-proef"


def test_a_safe_production_configuration_starts():
    settings = BaseServiceSettings(**SAFE_PRODUCTION)

    assert settings.is_production
    assert settings.unsafe_for_production() == []


def test_production_refuses_every_development_default_and_names_each():
    with pytest.raises(ValidationError) as refused:
        BaseServiceSettings(service_name="proef", environment="production")

    message = str(refused.value)
    for problem in (
        "jwt_dev_secret still has the development default",
        "jwt_jwks_url is required",
        "database_url must name a PostgreSQL database",
        "migrate_on_start must be false",
        "source_oin must be the OIN of the organisation",
    ):
        assert problem in message


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("jwt_dev_secret", "development-only-jwt-secret-change-me-0123456789", "jwt_dev_secret"),
        ("jwt_jwks_url", "", "jwt_jwks_url"),
        ("database_url", "sqlite+aiosqlite:///data/proef.db", "database_url"),
        ("database_url", "", "database_url"),
        ("migrate_on_start", True, "migrate_on_start"),
        ("source_oin", "00000000000000000000", "source_oin"),
    ],
)
def test_production_refuses_a_single_development_default(field: str, value: object, problem: str):
    with pytest.raises(ValidationError, match=problem):
        BaseServiceSettings(**{**SAFE_PRODUCTION, field: value})


def test_an_unknown_role_is_refused():
    with pytest.raises(ValidationError, match="unknown roles: worker"):
        BaseServiceSettings(service_name="proef", roles="api, worker")


def test_known_roles_are_parsed_with_spaces():
    settings = BaseServiceSettings(service_name="proef", roles=" api , relay ")

    assert settings.role_set == {"api", "relay"}


def test_a_subclass_reads_its_own_env_prefix(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PROEF_HTTP_PORT", "8123")
    monkeypatch.setenv("HTTP_PORT", "9999")

    assert ProefSettings().http_port == 8123


def test_a_subclass_ignores_unprefixed_variables(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ENVIRONMENT", "production")

    assert not ProefSettings().is_production


def test_production_is_also_enforced_through_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PROEF_ENVIRONMENT", "production")

    with pytest.raises(ValidationError, match="jwt_jwks_url is required"):
        ProefSettings()
