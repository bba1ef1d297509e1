"""Events published by the routes service on topic `routes.leerroute`."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    Gemeentecode,
    Leerroute,
    Opleidingsniveau,
)

TOPIC = "routes.leerroute"


class LeerrouteGeadviseerd(IntegrationEvent):
    """A leerroute advice was computed; `leerroute` is empty when a person must decide."""

    event_name = "leerroute-geadviseerd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    advies_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute | None
    regel: str
    regelset_versie: str


class LeerrouteVastgesteld(IntegrationEvent):
    """The case manager decided the leerroute; carries what placement and referral need."""

    event_name = "leerroute-vastgesteld"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    advies_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    afwijkend_van_advies: bool
    doelgroep: Doelgroep
    ambitie: Ambitie
    opleidingsniveau: Opleidingsniveau


class LeerrouteGewijzigd(IntegrationEvent):
    """The decided leerroute changed; a new PIP version must follow."""

    event_name = "leerroute-gewijzigd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    advies_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    vorige_leerroute: Leerroute
    leerroute: Leerroute
    ingangsdatum: date


EVENTS = (LeerrouteGeadviseerd, LeerrouteVastgesteld, LeerrouteGewijzigd)
