from __future__ import annotations

from typing import Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from inburgering.shared.settings import DEV_JWT_SECRET, Environment, UnsafeProductionSettings

DEV_SESSION_SECRET = "development-only-portal-session-secret-change-me-0123456789"


class PortalSettings(BaseSettings):
    """The portal has no database and no broker: only where the services are and how the
    browser session is kept."""

    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore", validate_default=True)

    environment: Environment = Field(
        Environment.DEVELOPMENT,
        description="`production` refuses the development login and every development default.",
    )
    http_host: str = Field("127.0.0.1", description="Address the portal listens on.")
    http_port: int = Field(8010, description="Port the portal listens on.")
    session_secret: SecretStr = Field(
        SecretStr(DEV_SESSION_SECRET),
        min_length=32,
        description="Key that signs the session cookie; changing it logs everybody out.",
    )
    session_seconds: int = Field(
        8 * 3600, ge=300, le=86_400, description="How long a login lasts (cookie and token)."
    )
    jwt_dev_secret: SecretStr = Field(
        SecretStr(DEV_JWT_SECRET),
        description="HS256 key of the development login's tokens (as `scripts/token`).",
    )
    intake_url: str = Field("http://127.0.0.1:8001", description="Base URL of intake's API.")
    routes_url: str = Field("http://127.0.0.1:8002", description="Base URL of routes' API.")
    contracts_url: str = Field("http://127.0.0.1:8003", description="Base URL of contracts' API.")
    referrals_url: str = Field("http://127.0.0.1:8004", description="Base URL of referrals' API.")
    subscriptions_url: str = Field(
        "http://127.0.0.1:8005", description="Base URL of subscriptions' API."
    )
    service_timeout_seconds: float = Field(
        10, gt=0, description="Longest the portal waits for one service call."
    )

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @property
    def dev_login_allowed(self) -> bool:
        # Production signs in through the gemeente's OpenID Connect provider (not built yet).
        return not self.is_production

    def service_urls(self) -> dict[str, str]:
        return {
            "intake": self.intake_url,
            "routes": self.routes_url,
            "contracts": self.contracts_url,
            "referrals": self.referrals_url,
            "subscriptions": self.subscriptions_url,
        }

    @model_validator(mode="after")
    def _no_development_defaults_in_production(self) -> Self:
        if self.is_production and self.session_secret.get_secret_value() == DEV_SESSION_SECRET:
            raise UnsafeProductionSettings("PORTAL_SESSION_SECRET still has its development value")
        return self
