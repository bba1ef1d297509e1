"""Events published by the intake service on topic `intake.inburgeraar`."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    Gemeentecode,
    LeerbaarheidstoetsUitslag,
    Opleidingsniveau,
)

TOPIC = "intake.inburgeraar"


class InburgeraarAangemeld(IntegrationEvent):
    """An inburgeraar is registered with a gemeente."""

    event_name = "inburgeraar-aangemeld"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    doelgroep: Doelgroep


class IntakeAfgerond(IntegrationEvent):
    """The brede intake is completed; carries what a leerroute advice needs, nothing more."""

    event_name = "intake-afgerond"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    intake_id: UUID
    gemeentecode: Gemeentecode
    doelgroep: Doelgroep
    leerbaarheidstoets: LeerbaarheidstoetsUitslag
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    leeftijd: int = Field(ge=0, le=130, description="Leeftijd in jaren op de datum van afronding")


EVENTS = (InburgeraarAangemeld, IntakeAfgerond)
