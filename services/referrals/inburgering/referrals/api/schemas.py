from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.referrals.domain.model import OpleidingSoort, VerwijzingStatus
from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.http.schemas import ApiModel, Tijdstip


class VerwijzingRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    gemeentecode: str
    niveau: Onderwijsniveau = Field(description="Het niveau waarnaar verwezen wordt: hbo of wo")
    status: VerwijzingStatus
    aangemaakt_op: Tijdstip


class OpleidingRead(ApiModel):
    id: UUID
    naam: str
    soort: OpleidingSoort
    niveau: Onderwijsniveau
    instelling_id: UUID
    instelling_naam: str
