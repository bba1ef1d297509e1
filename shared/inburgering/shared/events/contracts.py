"""Events published by the contracts service on topic `contracts.plaatsing`."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import Gemeentecode, Leerroute

TOPIC = "contracts.plaatsing"


class PlaatsingAangevraagd(IntegrationEvent):
    """A placement was requested at the provider of a contract that covers the gemeente."""

    event_name = "plaatsing-aangevraagd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    contract_id: UUID
    aanbieder_kvk: str


class CapaciteitUitgeput(IntegrationEvent):
    """No contract had room: the placement waits; the gemeente and the lead gemeente act."""

    event_name = "capaciteit-uitgeput"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    samenwerkingsverband_id: UUID | None
    lead_gemeentecode: Gemeentecode | None


class TrajectGestart(IntegrationEvent):
    """The provider reported the start of the course; the gemeente reports the aanbod to DUO."""

    event_name = "traject-gestart"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    aanbieder_kvk: str
    startdatum: date


class UrenMijlpaalBereikt(IntegrationEvent):
    """The attended NT2 course hours passed a milestone (400, 600 or 800)."""

    event_name = "urenmijlpaal-bereikt"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    mijlpaal: int = Field(description="400, 600 or 800 hours")
    uren_totaal: float = Field(ge=0, description="Attended course hours so far in this placement")
    erkende_instelling: bool = Field(
        description="The provider holds a valid keurmerk or is a taalschakel institution"
    )


EVENTS = (PlaatsingAangevraagd, CapaciteitUitgeput, TrajectGestart, UrenMijlpaalBereikt)
