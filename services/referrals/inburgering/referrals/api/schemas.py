from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Self
from uuid import UUID

from pydantic import Field, model_validator

from inburgering.referrals.domain.model import (
    Diplomawaardering,
    Taalniveau,
    Uitkomst,
    VerwijzingStatus,
)
from inburgering.shared.events.referrals import (
    Afwijzingsreden,
    Beeindigingsreden,
    Onderwijsniveau,
)
from inburgering.shared.events.vocabulary import Gemeentecode, Leerroute, Opleidingsniveau
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip


class VerwijzingCreate(ApiInvoer):
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    niveau: Onderwijsniveau
    leerroute: Leerroute | None = Field(
        None,
        description=(
            "De leerroute die de inburgeraar nu volgt; zonder dit veld de vastgestelde leerroute. "
            "Een andere dan de vastgestelde is een 400."
        ),
    )
    opleidingsniveau: Opleidingsniveau | None = Field(
        None,
        description=(
            "Het opleidingsniveau uit de brede intake; zonder dit veld het niveau dat bij de "
            "vaststelling van de leerroute bekend was"
        ),
    )


class DossierUpdate(ApiInvoer):
    diplomawaardering: Diplomawaardering = Field(description="Uitslag van de diplomawaardering")
    taalniveau: Taalniveau = Field(description="Huidig taalniveau Nederlands")
    uaf_begeleiding: bool = Field(False, description="Begeleid door het UAF")
    geboortejaar: int | None = Field(
        None,
        ge=1940,
        le=2015,
        description="Voor de leeftijdsgrens van de studiefinanciering (onder 30 bij de start)",
    )


class DossierRead(ApiModel):
    diplomawaardering: Diplomawaardering
    taalniveau: Taalniveau
    uaf_begeleiding: bool


class GemeenteDossierRead(DossierRead):
    geboortejaar: int | None


class IndieningCreate(ApiInvoer):
    cohort_id: UUID


class StapRead(ApiModel):
    status: VerwijzingStatus
    bereikt_op: Tijdstip
    deadline: date | None = Field(description="Datum van de opleiding waarvoor de stap moet")


class GemeenteStapRead(StapRead):
    poging: int = Field(description="De poging (indiening) waarbij de stap hoort")


class ChecklistItemRead(ApiModel):
    stap: VerwijzingStatus
    item: str
    uitkomst: Uitkomst


class PogingRead(ApiModel):
    """Eén indiening van de verwijzing; een afgewezen poging blijft zo leesbaar."""

    poging: int
    instelling_id: UUID
    opleiding_id: UUID
    cohort_id: UUID
    afwijzingsreden: Afwijzingsreden | None
    checklist: list[ChecklistItemRead]


class _Pad(ApiModel):
    id: UUID
    gemeentecode: str
    niveau: Onderwijsniveau = Field(description="Het niveau waarnaar verwezen wordt: hbo of wo")
    status: VerwijzingStatus
    aangemaakt_op: Tijdstip
    instelling_id: UUID | None
    opleiding_id: UUID | None
    cohort_id: UUID | None
    afwijzingsreden: Afwijzingsreden | None
    beeindigingsreden: Beeindigingsreden | None


class VerwijzingRead(_Pad):
    """De verwijzing zoals de verwijzende gemeente haar ziet, met alle pogingen."""

    inburgeraar_id: UUID
    leerroute: Leerroute
    opleidingsniveau: Opleidingsniveau | None = Field(
        description="Het opleidingsniveau uit de brede intake, een gegeven voor de klantregisseur"
    )
    poging: int = Field(description="De huidige poging: 1, hoger na herindiening na afwijzing")
    stappen: list[GemeenteStapRead]
    dossier: GemeenteDossierRead | None
    checklist: list[ChecklistItemRead] = Field(description="Checklist van de huidige poging")
    pogingen: list[PogingRead]
    overstap_b1_route_voorgesteld: bool = Field(
        description="Na beëindiging vanuit de onderwijsroute: overstap naar de B1-route kan altijd"
    )


class AanmeldingRead(_Pad):
    """Een ingediende verwijzing zoals de instelling haar ziet: alleen wat het traject nodig
    heeft, zonder BSN, inburgeraar-id, geboortejaar of gezondheidsgegevens, en alleen de stappen
    van de huidige indiening (niet die bij een eerdere, afgewezen poging)."""

    stappen: list[StapRead]
    dossier: DossierRead | None


class ToelatingsbesluitCreate(ApiInvoer):
    toegelaten: bool
    reden: Afwijzingsreden | None = Field(None, description="Verplicht bij een afwijzing")

    @model_validator(mode="after")
    def _reden(self) -> Self:
        if self.toegelaten == (self.reden is not None):
            raise ValueError("een reden hoort bij een afwijzing, en alleen daarbij")
        return self


class Afloop(StrEnum):
    AFGEROND = "afgerond"
    BEEINDIGD = "beeindigd"


class AfrondingCreate(ApiInvoer):
    uitkomst: Afloop
    reden: Beeindigingsreden | None = Field(None, description="Verplicht bij beëindiging")

    @model_validator(mode="after")
    def _reden(self) -> Self:
        if (self.uitkomst is Afloop.BEEINDIGD) != (self.reden is not None):
            raise ValueError("een reden hoort bij een beëindiging, en alleen daarbij")
        return self


class OverzichtRegel(ApiModel):
    gemeentecode: str
    instelling_id: UUID | None
    opleiding_id: UUID | None
    cohort_id: UUID | None
    status: VerwijzingStatus
    aantal: int
