from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from inburgering.shared.settings import BaseServiceSettings


class ReferralsSettings(BaseServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="REFERRALS_", extra="ignore", validate_default=True
    )

    service_name: str = "referrals"
    http_port: int = 8004
    seed_demo_data: bool = Field(
        True,
        description="Load the demo Brabant hbo/wo network (gemeenten, instellingen, opleidingen).",
    )

    termijn_nadert_dagen: int = Field(
        14,
        ge=0,
        le=365,
        description=(
            "Days before a cohort's start date that verwijzing-termijn-nadert is published for a "
            "submitted referral the institution has not yet admitted or refused."
        ),
    )

    indiening_nadert_dagen: int = Field(
        14,
        ge=0,
        le=365,
        description=(
            "Days before the registration deadline (aanmelddeadline) of the next open cohort at "
            "its level that verwijzing-indiening-nadert is published for a referral not yet "
            "submitted."
        ),
    )

    def unsafe_for_production(self) -> list[str]:
        problems = super().unsafe_for_production()
        if self.seed_demo_data:
            problems.append("seed_demo_data must be false; the demo network is not the real one")
        return problems
