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
            "Default policy age limit for the onderwijsroute advice, for gemeenten without their "
            "own policy: it is advised only below this age (the law sets no limit; the common "
            "policy is 'tot 28 jaar')."
        ),
    )
    routewijziging_signaal_dagen_vooraf: int = Field(
        60,
        ge=0,
        le=540,
        description=(
            "Days before the leerroute-change window closes (termijn start + 18 months) that "
            "`routewijziging-venster-sluit` is published."
        ),
    )
    termijn_verloopt_signaal_dagen_vooraf: int = Field(
        90,
        ge=0,
        le=1095,
        description="Days before the end of the termijn that `termijn-verloopt` is published.",
    )
