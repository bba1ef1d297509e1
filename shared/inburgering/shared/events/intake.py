"""Events published by the intake service on topic `intake.inburgeraar`."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    Gemeentecode,
    LeerbaarheidstoetsUitslag,
    Leerroute,
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


class PipVastgesteld(IntegrationEvent):
    """A PIP (a beschikking) was adopted; the dagtekening of the first PIP starts the termijn."""

    event_name = "pip-vastgesteld"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    pip_id: UUID
    gemeentecode: Gemeentecode
    versie: int = Field(ge=1, description="1 for the first PIP, higher for each new version")
    eerste_pip: bool = Field(description="Whether this is the first PIP of the obligation")
    dagtekening: date
    leerroute: Leerroute


class InburgeringstermijnVerlengd(IntegrationEvent):
    """DUO extended the inburgeringstermijn, as reported through its notifications."""

    event_name = "inburgeringstermijn-verlengd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    nieuwe_einddatum: date


EVENTS = (InburgeraarAangemeld, IntakeAfgerond, PipVastgesteld, InburgeringstermijnVerlengd)
