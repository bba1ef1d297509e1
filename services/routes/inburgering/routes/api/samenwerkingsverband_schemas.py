from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.routes.api.schemas import BeleidRead
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.schemas import ApiModel


class SamenwerkingsverbandRead(ApiModel):
    id: UUID = Field(description="Het id van het samenwerkingsverband in de contracts-dienst")
    naam: str
    leerroute: Leerroute = Field(
        description=(
            "De leerroute die het samenwerkingsverband inkoopt; beleid over die leerroute komt "
            "voor zijn leden van dit samenwerkingsverband"
        )
    )
    lead_gemeentecode: str = Field(
        description="De lead-gemeente, die als enige het beleid van het verband vaststelt"
    )
    periode_start: date = Field(description="Begin van de looptijd")
    periode_eind: date = Field(description="Einde van de looptijd (tot en met)")
    versie: int = Field(
        description="De versie uit de contracts-dienst waarop deze gegevens berusten"
    )
    gemeentecodes: list[str] = Field(description="De leden op vandaag")
    geldend: BeleidRead | None = Field(
        description="Het beleid van het samenwerkingsverband dat vandaag geldt; leeg zonder"
    )
    versies: list[BeleidRead]
