"""Events published by the intake service on topic `intake.inburgeraar`."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import (
    Alfabetisering,
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
    alfabetisering: Alfabetisering | None = Field(
        None, description="A, AA of NVT; leeg als de intake het (nog) niet vastlegde"
    )


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
    startdatum: date | None = Field(
        None,
        description=(
            "DUO's start of the termijn, so that a service that did not know the termijn (after "
            "a move) takes it over with the extension; empty in older events"
        ),
    )


class AanleidingTermijn(StrEnum):
    GESTART = "gestart"
    """SS102: DUO registered the termijn after the first PIP."""
    VERHUIZING = "verhuizing"
    """SS121: settled here with the previous gemeente's PIP; the termijn goes along."""


class InburgeringstermijnBekend(IntegrationEvent):
    """DUO reported the inburgeringstermijn as it registered it (SS102, SS121).

    The termijn of someone who moved in, or DUO's confirmation of the one the first PIP here
    started. The end date is exclusive, as in DUO's Inburgeringstermijn API."""

    event_name = "inburgeringstermijn-bekend"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    startdatum: date
    einddatum: date
    aanleiding: AanleidingTermijn


class RedenBeeindigd(StrEnum):
    TIJDELIJKE_VRIJSTELLING = "tijdelijke-vrijstelling"
    BEEINDIGD = "beeindigd"


class RedenVoldaan(StrEnum):
    DIPLOMA = "diploma"
    VRIJSTELLING = "vrijstelling"
    ONTHEFFING = "ontheffing"


class InburgeringsplichtBeeindigd(IntegrationEvent):
    """DUO withdrew or ended the obligation (SS109, SS110, SS111); trajectories stop.

    The reason stays coarse on purpose: why an obligation ended (death, naturalisation,
    departure) is personal data the other services do not need."""

    event_name = "inburgeringsplicht-beeindigd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    reden: RedenBeeindigd
    per_datum: date | None = None


class InburgeringsplichtVoldaan(IntegrationEvent):
    """The obligation is met: diploma, full vrijstelling or full ontheffing (SS106-SS108)."""

    event_name = "inburgeringsplicht-voldaan"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    reden: RedenVoldaan
    per_datum: date | None = None


class LeerbaarheidstoetsUitslagBekend(IntegrationEvent):
    """DUO registered the outcome of the leerbaarheidstoets (SS131); the score stays in intake."""

    event_name = "leerbaarheidstoets-uitslag-bekend"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    uitslag: LeerbaarheidstoetsUitslag
    afgenomen_op: date


class DoelgroepGewijzigd(IntegrationEvent):
    """DUO changed the doelgroep (SS124, SS125): who pays and which guidance applies changes."""

    event_name = "doelgroep-gewijzigd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    doelgroep: Doelgroep


class ExamenuitslagBekend(IntegrationEvent):
    """DUO has the result of an exam part (SS199)."""

    event_name = "examenuitslag-bekend"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    onderdeel: str = Field(description="DUO's code: KNM, LE, LU, SC or SP")
    resultaat: str = Field(description="DUO's result: Geslaagd, Gezakt or Geen")
    niveau: str | None = Field(None, description="A2, B1 or B2")
    examendatum: date


class PipTermijnNadert(IntegrationEvent):
    """The PIP must be adopted soon ([Bi] art. 5.3); fires once per deadline."""

    event_name = "pip-termijn-nadert"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    uiterlijk: date = Field(description="Last day on which the PIP can be adopted in time")


class PipTermijnVerstreken(IntegrationEvent):
    """The PIP deadline passed without an adopted PIP; fires once per deadline."""

    event_name = "pip-termijn-verstreken"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    uiterlijk: date


EVENTS = (
    InburgeraarAangemeld,
    IntakeAfgerond,
    PipVastgesteld,
    InburgeringstermijnVerlengd,
    InburgeringstermijnBekend,
    InburgeringsplichtBeeindigd,
    InburgeringsplichtVoldaan,
    LeerbaarheidstoetsUitslagBekend,
    DoelgroepGewijzigd,
    ExamenuitslagBekend,
    PipTermijnNadert,
    PipTermijnVerstreken,
)
