from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import Field

from inburgering.routes.api.schemas import BeleidRead
from inburgering.shared.http.schemas import ApiModel

GemeentecodeVeld = Annotated[str, Field(pattern=r"^GM\d{4}$", description="CBS-code, bv. GM0772")]


class SamenwerkingsverbandCreate(ApiModel):
    naam: str = Field(
        min_length=1,
        max_length=200,
        # Control characters (NUL above all) have no place in a name and PostgreSQL refuses NUL.
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="bv. `Zuidoost-Brabant`",
    )
    gemeentecodes: set[GemeentecodeVeld] = Field(
        min_length=1,
        max_length=100,
        description=(
            "De deelnemende gemeenten; elk hoort bij ten hoogste één samenwerkingsverband en de "
            "client handelt namens allemaal"
        ),
    )


class SamenwerkingsverbandRead(ApiModel):
    id: UUID
    naam: str
    gemeentecodes: list[str]
    geldend: BeleidRead | None = Field(
        description="Het beleid van het samenwerkingsverband dat vandaag geldt; leeg zonder"
    )
    versies: list[BeleidRead]
