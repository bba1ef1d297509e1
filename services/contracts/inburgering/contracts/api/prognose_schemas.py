from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.schemas import ApiInvoer, ApiModel


class KansRead(ApiModel):
    naam: str = Field(description="routeaandeel, overname, plaatsing of kwartaaldeel")
    waarde: float
    bron: str = Field(description="gemeente, regio (eigen besluiten), standaard, wet of halfjaar")
    waarnemingen: int = Field(description="Aantal besluiten waarop de kans berust")


class ComponentRead(ApiModel):
    bron: str = Field(description="wachtlijst, vastgesteld, geadviseerd, aangemeld of instroom")
    gemeentecode: str
    doelgroep: str | None
    aantal: int = Field(description="Personen of verwachte instroom in deze stap")
    factor: float = Field(description="Het product van de kansen")
    verwachting: float = Field(description="aantal × factor: verwachte plaatsen")
    kansen: list[KansRead]


class KwartaalRead(ApiModel):
    kwartaal: str = Field(pattern=r"^[0-9]{4}-K[1-4]$")
    vraag: float = Field(description="Verwachte nieuwe plaatsen in het kwartaal")
    cumulatieve_vraag: float
    vrije_plaatsen: float = Field(description="Vrij op lopende contracten aan het begin")
    verlengbaar: float = Field(description="Daarvan op contracten die binnen de horizon aflopen")
    onvervuld: float = Field(description="Vraag die geen lopend contract kan opnemen")
    tekort: int = Field(description="Onvervulde vraag, naar boven afgerond")
    componenten: list[ComponentRead]


class TekortRead(ApiModel):
    kwartaal: str
    tekort: int


class PrognoseRead(ApiModel):
    samenwerkingsverband_id: UUID
    leerroute: Leerroute
    peildatum: date
    kwartalen: list[KwartaalRead]
    eerste_tekort: TekortRead | None = Field(description="Leeg als de capaciteit volstaat")


class InstroomverwachtingUpdate(ApiInvoer):
    asielstatushouders: int = Field(
        ge=0, le=100_000, description="Taakstelling huisvesting vergunninghouders in het halfjaar"
    )
    gezinsmigranten: int = Field(0, ge=0, le=100_000, description="Eigen schatting")


class InstroomverwachtingRead(InstroomverwachtingUpdate):
    gemeentecode: str
    halfjaar: str
