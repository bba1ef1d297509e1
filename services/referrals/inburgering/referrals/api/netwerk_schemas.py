from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from pydantic import Field, model_validator

from inburgering.referrals.domain.model import InstellingSoort, OpleidingSoort, Taalniveau
from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.events.vocabulary import Gemeentecode
from inburgering.shared.http.schemas import ApiInvoer, ApiModel


class OpleidingCreate(ApiInvoer):
    naam: str = Field(min_length=1, max_length=200)
    soort: OpleidingSoort
    niveau: Onderwijsniveau
    taalniveau_bij_start: Taalniveau = Field(
        Taalniveau.B2, description="Vereist taalniveau bij de start (NT2 programma II = B2)"
    )
    engels_niveau: str | None = Field(None, max_length=100, examples=["havo-5"])
    wiskunde_niveau: str | None = Field(None, max_length=100, examples=["havo-5"])
    diplomawaardering_vereist: bool = True


class ToelatingseisenUpdate(ApiInvoer):
    """Alle toelatingseisen van een opleiding; wat ontbreekt vervalt (Engels, wiskunde)."""

    taalniveau_bij_start: Taalniveau = Field(
        description="Vereist taalniveau bij de start (NT2 programma II = B2)"
    )
    engels_niveau: str | None = Field(None, max_length=100, examples=["havo-5"])
    wiskunde_niveau: str | None = Field(None, max_length=100, examples=["havo-5"])
    diplomawaardering_vereist: bool


class OpleidingRead(OpleidingCreate):
    id: UUID
    instelling_id: UUID
    instelling_naam: str


class CohortCreate(ApiInvoer):
    aanmelddeadline: date = Field(description="Laatste dag waarop een gemeente kan indienen")
    startdatum: date
    einddatum: date
    plaatsen: int = Field(ge=1, le=1000)

    @model_validator(mode="after")
    def _volgorde(self) -> Self:
        if not self.aanmelddeadline <= self.startdatum < self.einddatum:
            raise ValueError("aanmelddeadline <= startdatum < einddatum is vereist")
        return self


class CohortUpdate(ApiInvoer):
    plaatsen: int = Field(ge=0, le=1000, description="Nooit lager dan het aantal bezette")


class CohortRead(ApiModel):
    id: UUID
    opleiding_id: UUID
    aanmelddeadline: date
    startdatum: date
    einddatum: date
    plaatsen: int
    bezet: int
    vrije_plaatsen: int


class NetwerkgemeenteCreate(ApiInvoer):
    gemeentecode: Gemeentecode
    naam: str = Field(min_length=1, max_length=100)
    lead: bool = Field(
        False, description="Beheert het netwerk mee; alleen beheer wijst een lead-gemeente aan"
    )


class NetwerkgemeenteRead(NetwerkgemeenteCreate):
    pass


class InstellingCreate(ApiInvoer):
    naam: str = Field(min_length=1, max_length=200)
    soort: InstellingSoort


class InstellingRead(InstellingCreate):
    id: UUID = Field(
        description="De waarde van de claim `instelling` in de tokens van de instelling"
    )
