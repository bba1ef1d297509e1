from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from inburgering.shared.settings import DEV_BSN_KEY, BaseServiceSettings


class IntakeSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore", validate_default=True)

    service_name: str = "intake"
    http_port: int = 8001
    bsn_key: SecretStr = Field(
        SecretStr(DEV_BSN_KEY),
        min_length=32,
        description="Secret for the BSN look-up hash and BSN encryption at rest.",
    )

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        if self.bsn_key.get_secret_value() == DEV_BSN_KEY:
            problems.append("bsn_key still has the development default")
        return problems
