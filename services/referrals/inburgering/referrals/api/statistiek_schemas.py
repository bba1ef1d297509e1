"""Referral statistics as the API shows them: counts only, a suppressed count as `aantal` null
with `onderdrukt` true."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.statistiek import Weergave
from inburgering.shared.http.schemas import ApiModel


class StatistiekAantal(ApiModel):
    aantal: int | None = Field(description="Leeg als het aantal is onderdrukt")
    onderdrukt: bool = Field(
        description="Het aantal is verborgen: 1 tot en met 4 in een weergave over gemeenten "
        "heen, of verborgen opdat het niet uit een totaal af te leiden is"
    )


class StatistiekInstelling(StatistiekAantal):
    instelling_id: UUID | None = Field(description="Leeg: nog niet ingediend bij een instelling")
    naam: str | None


class StatistiekOpleiding(StatistiekAantal):
    opleiding_id: UUID | None = Field(description="Leeg: nog niet ingediend bij een opleiding")
    instelling_id: UUID | None
    naam: str | None


class StatistiekStatus(StatistiekAantal):
    status: VerwijzingStatus


class StatistiekCel(ApiModel):
    """Eén combinatie van instelling, opleiding en status; alleen in de eigen weergave."""

    instelling_id: UUID | None
    opleiding_id: UUID | None
    status: VerwijzingStatus
    aantal: int


class VerwijzingenStatistiekRead(ApiModel):
    weergave: Weergave = Field(
        description="`eigen` (de eigen gemeentecodes), `netwerk` (voor een lead-gemeente) of "
        "`provincie` (beheer)"
    )
    kleine_aantallen_onderdrukt: bool = Field(
        description="Of de regels voor kleine aantallen gelden: in elke weergave over gemeenten "
        "heen wel, in de eigen weergave van een gemeente niet"
    )
    totaal: StatistiekAantal
    per_instelling: list[StatistiekInstelling]
    per_opleiding: list[StatistiekOpleiding]
    per_status: list[StatistiekStatus]
    cellen: list[StatistiekCel] | None = Field(
        description="Alle combinaties van instelling, opleiding en status met hun aantal "
        "(zonder nullen); alleen in de eigen weergave"
    )
