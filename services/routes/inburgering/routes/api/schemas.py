from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.schemas import ApiModel, Tijdstip


class VaststellingCreate(ApiModel):
    leerroute: Leerroute | None = Field(
        None,
        description=(
            "De vast te stellen leerroute. Weglaten bevestigt het advies; is er geen advies, "
            "dan is dit veld verplicht."
        ),
    )
    motivering: str | None = Field(
        None,
        max_length=4000,
        description="Verplicht bij afwijken van het advies en wanneer er geen advies is.",
    )


class LeerrouteAdviesRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    gemeentecode: str
    geadviseerde_leerroute: Leerroute | None = Field(
        description="Leeg wanneer de regels geen advies geven en een persoon beslist"
    )
    regel: str = Field(description="De toegepaste regel, bv. `R-B1-HAALBAAR`")
    regelset_versie: str
    uitleg: list[str] = Field(description="De gebruikte feiten en de toegepaste regel, leesbaar")
    status: str = Field(description="`geadviseerd` of `vastgesteld`")
    vastgestelde_leerroute: Leerroute | None
    motivering: str | None
    geadviseerd_op: Tijdstip
    vastgesteld_op: Tijdstip | None
