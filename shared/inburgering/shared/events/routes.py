"""Events published by the routes service on topic `routes.leerroute`."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import Field

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


class Vaardigheid(StrEnum):
    """The four language skills of the inburgeringsexamen ([Wi] 7.1)."""

    LEZEN = "lezen"
    LUISTEREN = "luisteren"
    SCHRIJVEN = "schrijven"
    SPREKEN = "spreken"


class AfschalingA2Besloten(IntegrationEvent):
    """The B1-route was scaled down to A2 for some or all skills ([Wi] 17.3); a new PIP follows."""

    event_name = "afschaling-a2-besloten"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    advies_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    vaardigheden: list[Vaardigheid] = Field(min_length=1, description="Now at A2 by this decision")
    nt2_uren: float = Field(ge=600, description="NT2 hours at keurmerk/taalschakel institutions")
    ingangsdatum: date


class InburgeringstermijnGestart(IntegrationEvent):
    """The termijn started the day after the first PIP's dagtekening, for 3 years ([Wi] 11)."""

    event_name = "inburgeringstermijn-gestart"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    pip_id: UUID = Field(description="The first PIP, whose dagtekening starts the termijn")
    startdatum: date
    einddatum: date


class RoutewijzigingVensterSluit(IntegrationEvent):
    """The leerroute can be changed only until `sluitdatum` (termijn start + 18 months)."""

    event_name = "routewijziging-venster-sluit"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    sluitdatum: date = Field(
        description="From this day on only onderwijsroute → B1-route is allowed"
    )


class VerlengingsvensterGeopend(IntegrationEvent):
    """An extension of the termijn can be applied for from now on (end − 6 months, [Bi] 4.5.1)."""

    event_name = "verlengingsvenster-geopend"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    einddatum: date


class TermijnVerloopt(IntegrationEvent):
    """The termijn ends soon (lead time set by the routes service)."""

    event_name = "termijn-verloopt"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    einddatum: date


class RouteAfrondingBereikt(IntegrationEvent):
    """The completion conditions this service follows are met (R10, R11): for the Z-route the
    hour norms, the eindgesprek, the PVT and the MAP; for the B1-route the exam parts (KNM, and
    each skill at B1, or at A2 where scaled down), the PVT and the MAP; for the onderwijsroute
    B1 in every skill plus KNM ([Wi] 8.4) and the PVT. Published once per inburgeraar."""

    event_name = "route-afronding-bereikt"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    cursusuren: float = Field(ge=0, description="Attended course hours, summed over placements")
    participatie_uren: float | None = Field(
        ge=0, description="Participation hours; empty when the route has no such norm"
    )
    datum: date = Field(description="The day the last condition was met")


EVENTS = (
    LeerrouteGeadviseerd,
    LeerrouteVastgesteld,
    LeerrouteGewijzigd,
    AfschalingA2Besloten,
    InburgeringstermijnGestart,
    RoutewijzigingVensterSluit,
    VerlengingsvensterGeopend,
    TermijnVerloopt,
    RouteAfrondingBereikt,
)
