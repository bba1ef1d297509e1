from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from inburgering.contracts.domain.allocatie import Allocatiebeleid
from inburgering.shared.settings import BaseServiceSettings


class ContractsSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="CONTRACTS_", extra="ignore", validate_default=True
    )

    service_name: str = "contracts"
    http_port: int = 8003
    seed_demo_data: bool = Field(
        True,
        description=(
            "Load the fictitious Zuidoost-Brabant demo region (samenwerkingsverbanden, aanbieders, "
            "contracts) when the database has no samenwerkingsverband yet; development only."
        ),
    )
    allocatiebeleid: Allocatiebeleid = Field(
        Allocatiebeleid.LAAGSTE_BEZETTING,
        description=(
            "How a placement picks among the contracts that qualify: `laagste-bezetting` (lowest "
            "occupancy ratio first) or `meeste-vrije-plaatsen` (most free places first)."
        ),
    )

    capaciteit_bijna_uitgeput_procent: int = Field(
        90,
        ge=1,
        le=100,
        description=(
            "Occupancy percentage of a contract at which the lead gemeente gets one "
            "`capaciteit-bijna-uitgeput` event, on the claim that reaches it."
        ),
    )

    prognose_interval_seconds: float = Field(
        3600,
        gt=0,
        description=(
            "How often the scheduler role forecasts every samenwerkingsverband and signals an "
            "expected shortfall (`capaciteitstekort-verwacht`, once per shortfall)."
        ),
    )
    prognose_kwartalen: int = Field(
        6, ge=4, le=8, description="Quarters ahead the shortfall signal looks."
    )

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        if self.seed_demo_data:
            problems.append("seed_demo_data must be false; production data is not demo data")
        return problems
