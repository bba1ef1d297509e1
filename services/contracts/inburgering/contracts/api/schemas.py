from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.contracts.domain.model import ContractStatus, PlaatsingStatus, PrijsEenheid
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.schemas import ApiModel, Tijdstip


class PlaatsingRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    gemeentecode: str
    leerroute: Leerroute
    contract_id: UUID | None = Field(description="Leeg zolang de plaatsing op de wachtlijst staat")
    aanbieder_kvk: str | None = Field(
        description="KvK-nummer van de aanbieder; leeg op de wachtlijst"
    )
    status: PlaatsingStatus
    aangevraagd_op: Tijdstip


class SamenwerkingsverbandRead(ApiModel):
    id: UUID
    naam: str
    leerroute: Leerroute
    lead_gemeentecode: str = Field(
        description="CBS-code van de gemeente die inkoopt en het contractbeheer voert"
    )
    leden: list[str] = Field(description="CBS-codes van de deelnemende gemeenten")


class ContractRead(ApiModel):
    id: UUID
    samenwerkingsverband_id: UUID
    aanbieder_kvk: str
    leerroute: Leerroute
    capaciteit: int
    geplaatst: int
    prijs_eenheid: PrijsEenheid
    status: ContractStatus
