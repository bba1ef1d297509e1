"""Events published by the contracts service on topic `contracts.plaatsing`."""

from __future__ import annotations

from uuid import UUID

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


EVENTS = (PlaatsingAangevraagd, CapaciteitUitgeput)
