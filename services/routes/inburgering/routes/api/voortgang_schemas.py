from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.routes.domain.voortgang import Aftrekgrond, Aftreknorm, MapStatus
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip

Uren = Field(ge=0, le=10000, description="Het totaal aantal gevolgde uren tot nu toe")


class PvtUpdate(ApiInvoer):
    uren: float = Uren
    ondertekend_op: date | None = Field(
        None, description="De dag waarop de participatieverklaring is ondertekend"
    )


class MapUpdate(ApiInvoer):
    status: MapStatus
    uren: float = Uren
    eindgesprek_op: date | None = Field(
        None, description="Verplicht bij status `afgerond`: de MAP eindigt met het eindgesprek"
    )


class ZRouteEindgesprekUpdate(ApiInvoer):
    gehouden_op: date = Field(description="De dag waarop de gemeente het eindgesprek hield")


class ParticipatieActiviteitCreate(ApiInvoer):
    datum: date
    uren: float = Field(gt=0, le=1000)
    omschrijving: str = Field(
        min_length=1,
        max_length=200,
        description="Soort activiteit, bv. `vrijwilligerswerk`; geen gezondheidsgegevens",
    )


class UrenaftrekCreate(ApiInvoer):
    norm: Aftreknorm = Field(description="De norm van de Z-route waarvan de uren af gaan")
    grond: Aftrekgrond = Field(
        description=(
            "`brede-intake`: activiteiten tijdens de brede intake die aan de norm voldoen "
            "(art. 3.14 lid 6 Bi2021); `voorafgaand-onderwijs`: uren voortgezet speciaal "
            "onderwijs, praktijkonderwijs of entreeopleiding in de twee jaar voor het PIP "
            "(art. 3.14 lid 9 en 10 Bi2021)"
        )
    )
    uren: float = Field(gt=0, le=800)


class Teller(ApiModel):
    geregistreerd: float
    norm: float | None = Field(description="Leeg wanneer de leerroute of doelgroep geen norm kent")
    aftrek: float = Field(
        0.0, description="Door de gemeente afgetrokken uren (art. 3.14 lid 6, 9 en 10 Bi2021)"
    )


class PvtRead(ApiModel):
    uren: float
    ondertekend_op: date | None


class MapRead(ApiModel):
    status: MapStatus
    uren: float
    eindgesprek_op: date | None


class VoorwaardeRead(ApiModel):
    code: str = Field(description="bv. `pvt-uren`, `z-route-cursusuren`")
    regel: str = Field(description="De regel, bv. `R10` (Z-route) of `R11` (PVT en MAP)")
    artikel: str
    omschrijving: str
    vervuld: bool
    niet_gevolgd: bool = Field(
        description="Dit feit wordt elders geregistreerd (DUO, onderwijs) en hier niet gevolgd"
    )


class VoortgangRead(ApiModel):
    inburgeraar_id: UUID
    gemeentecode: str
    leerroute: Leerroute | None = Field(description="De huidige vastgestelde leerroute")
    doelgroep: Doelgroep
    cursusuren: Teller
    participatie_uren: Teller
    pvt: PvtRead
    map: MapRead
    z_route_eindgesprek_op: date | None
    voorwaarden: list[VoorwaardeRead] = Field(description="Alle afrondingsvoorwaarden van de route")
    ontbreekt: list[str] = Field(
        description="De codes van de voorwaarden die nog niet vervuld zijn"
    )
    voorwaarden_vervuld: bool
    afronding_bereikt_op: Tijdstip | None = Field(
        description="Wanneer `route-afronding-bereikt` is gepubliceerd (eenmalig)"
    )
