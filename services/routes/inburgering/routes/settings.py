from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from inburgering.shared.settings import BaseServiceSettings


class RoutesSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ROUTES_", extra="ignore", validate_default=True)

    service_name: str = "routes"
    http_port: int = 8002
    onderwijsroute_max_leeftijd: int = Field(
        28,
        ge=0,
        le=130,
        description=(
            "Policy age limit for the onderwijsroute advice: it is advised only below this age "
            "(the law sets no limit; the common policy is 'tot 28 jaar')."
        ),
    )
