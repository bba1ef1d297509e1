from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    Gemeentecode,
    LeerbaarheidstoetsUitslag,
    Opleidingsniveau,
)
from inburgering.shared.http.schemas import ApiModel, Tijdstip


class InburgeraarCreate(ApiModel):
    bsn: str = Field(
        pattern=r"^\d{8,9}$",
        description="Burgerservicenummer; wordt versleuteld opgeslagen en nooit teruggegeven.",
        json_schema_extra={"writeOnly": True},
    )
    gemeentecode: Gemeentecode
    doelgroep: Doelgroep
    geboortedatum: date


class InburgeraarRead(ApiModel):
    id: UUID
    gemeentecode: str
    doelgroep: Doelgroep
    geboortedatum: date
    aangemeld_op: Tijdstip


class BredeIntakeCreate(ApiModel):
    leerbaarheidstoets: LeerbaarheidstoetsUitslag = Field(
        description="Uitslag van de leerbaarheidstoets, of niet afgenomen wegens een beperking"
    )
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    afgerond_datum: date


class BredeIntakeRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    leerbaarheidstoets: LeerbaarheidstoetsUitslag
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    afgerond_datum: date
