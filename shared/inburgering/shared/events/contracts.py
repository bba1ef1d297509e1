"""Events published by the contracts service on topic `contracts.plaatsing`."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

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
    aanbieder_duo_instellingsnummer: str | None = Field(
        None,
        pattern=r"^[0-9A-Za-z]{10}$",
        description="DUO's number for the provider, for the inburgeringsaanbod melding",
    )


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


class PlaatsingGeaccepteerd(IntegrationEvent):
    """The provider accepted the placement; the start is still to be reported."""

    event_name = "plaatsing-geaccepteerd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    contract_id: UUID
    aanbieder_kvk: str


class PlaatsingAfgewezen(IntegrationEvent):
    """The provider rejected the placement; its place is freed and the placement re-allocated
    (a plaatsing-aangevraagd or capaciteit-uitgeput for the same plaatsingId follows)."""

    event_name = "plaatsing-afgewezen"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    contract_id: UUID
    aanbieder_kvk: str
    reden: str = Field(description="geen-plek, niveau-past-niet, locatie-onbereikbaar or overig")


class VoortgangGerapporteerd(IntegrationEvent):
    """The provider reported progress, attendance and effort ([Bi] 9.2.4)."""

    event_name = "voortgang-gerapporteerd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    aanbieder_kvk: str
    peildatum: date
    inzet: str = Field(description="voldoende or onvoldoende")
    taalniveau: str | None = Field(description="Reached CEFR level so far, e.g. A2")
    uren_aanwezig: float = Field(ge=0, description="Attended course hours so far")
    uren_geoorloofd_afwezig: float = Field(ge=0)
    uren_ongeoorloofd_afwezig: float = Field(ge=0)


class TrajectAfgerond(IntegrationEvent):
    """The provider reported the course as completed."""

    event_name = "traject-afgerond"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    aanbieder_kvk: str
    einddatum: date
    uren_aanwezig: float = Field(ge=0)


class TrajectUitgevallen(IntegrationEvent):
    """The participant dropped out of the course."""

    event_name = "traject-uitgevallen"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    aanbieder_kvk: str
    einddatum: date
    reden: str = Field(description="verhuisd, werk, ontheffing, niet-meer-verschenen or overig")
    uren_aanwezig: float = Field(ge=0)


class CapaciteitBijnaUitgeput(IntegrationEvent):
    """A contract passed the occupancy threshold; addressed to the lead gemeente."""

    event_name = "capaciteit-bijna-uitgeput"
    topic = TOPIC
    aggregate_type = "contract"
    key_field = "contract_id"

    contract_id: UUID
    samenwerkingsverband_id: UUID
    lead_gemeentecode: Gemeentecode
    leerroute: Leerroute
    aanbieder_kvk: str
    capaciteit: int = Field(ge=0)
    geplaatst: int = Field(ge=0)
    drempel_procent: int = Field(ge=1, le=100)


class PlaatsingIngetrokken(IntegrationEvent):
    """The gemeente side withdrew a placement before the course started, e.g. because the
    leerroute changed; a place it held is freed. A new placement, if any, follows as
    plaatsing-aangevraagd or capaciteit-uitgeput with another plaatsingId."""

    event_name = "plaatsing-ingetrokken"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    contract_id: UUID | None = Field(description="Empty when the placement was still waiting")
    aanbieder_kvk: str | None = Field(description="Empty when the placement was still waiting")
    reden: str = Field(description="leerroute-gewijzigd")


class TrajectBeeindigd(IntegrationEvent):
    """The gemeente side ended a running course, e.g. because the leerroute changed; not a
    drop-out. The provider stops; a new placement, if any, follows with another plaatsingId."""

    event_name = "traject-beeindigd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    plaatsing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    aanbieder_kvk: str
    einddatum: date
    reden: str = Field(description="leerroute-gewijzigd")
    uren_aanwezig: float = Field(ge=0, description="Attended course hours in this placement")


class Lidmaatschap(BaseModel):
    """One membership of a gemeente in a samenwerkingsverband, from ingangsdatum until (not on)
    einddatum."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, frozen=True)

    gemeentecode: Gemeentecode
    ingangsdatum: date
    einddatum: date | None = None
    rollen: list[str] = Field(description="inkoop, contractbeheer, uitvoering")


class SamenwerkingsverbandGewijzigd(IntegrationEvent):
    """A samenwerkingsverband as it now stands, after its founding or a change of members: the
    whole membership with its dates, so a consumer replaces its copy. `versie` rises with every
    change; a consumer ignores a version it has already passed. Addressed to the lead gemeente."""

    event_name = "samenwerkingsverband-gewijzigd"
    topic = TOPIC
    aggregate_type = "samenwerkingsverband"
    key_field = "samenwerkingsverband_id"

    samenwerkingsverband_id: UUID
    versie: int = Field(ge=1)
    # Not `naam`: events name no one, and the check that guards that reads field names only.
    benaming: str = Field(description="The verband's name")
    leerroute: Leerroute
    lead_gemeentecode: Gemeentecode
    periode_start: date
    periode_eind: date
    leden: list[Lidmaatschap]


class CapaciteitstekortVerwacht(IntegrationEvent):
    """The demand forecast of a samenwerkingsverband expects more course places to be needed
    than its contracts still have, from `kwartaal` on. Published once per shortfall and again
    when its first quarter or size changes; addressed to the lead gemeente, which procures."""

    event_name = "capaciteitstekort-verwacht"
    topic = TOPIC
    aggregate_type = "samenwerkingsverband"
    key_field = "samenwerkingsverband_id"

    samenwerkingsverband_id: UUID
    lead_gemeentecode: Gemeentecode
    leerroute: Leerroute
    kwartaal: str = Field(pattern=r"^[0-9]{4}-K[1-4]$", description="First quarter short")
    tekort: int = Field(ge=1, description="Places short in that quarter, rounded up")
    vrije_plaatsen: float = Field(ge=0, description="Free places running in that quarter")
    peildatum: date


EVENTS = (
    PlaatsingAangevraagd,
    CapaciteitUitgeput,
    TrajectGestart,
    UrenMijlpaalBereikt,
    PlaatsingGeaccepteerd,
    PlaatsingAfgewezen,
    VoortgangGerapporteerd,
    TrajectAfgerond,
    TrajectUitgevallen,
    CapaciteitBijnaUitgeput,
    PlaatsingIngetrokken,
    TrajectBeeindigd,
    SamenwerkingsverbandGewijzigd,
    CapaciteitstekortVerwacht,
)
