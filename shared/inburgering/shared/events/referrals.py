"""Events published by the referrals service on topic `referrals.verwijzing`."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import Gemeentecode

TOPIC = "referrals.verwijzing"


class Onderwijsniveau(StrEnum):
    HBO = "hbo"
    WO = "wo"


class Afwijzingsreden(StrEnum):
    """Why an institution refused admission; a code, never free text about the person."""

    TAALNIVEAU_ONVOLDOENDE = "taalniveau-onvoldoende"
    VOOROPLEIDING_ONVOLDOENDE = "vooropleiding-onvoldoende"
    ENGELS_OF_WISKUNDE_ONVOLDOENDE = "engels-of-wiskunde-onvoldoende"
    NIET_VERSCHENEN_OP_INTAKE = "niet-verschenen-op-intake"
    OVERIG = "overig"


class Beeindigingsreden(StrEnum):
    UITVAL = "uitval"
    ONVOLDOENDE_STUDIEVOORTGANG = "onvoldoende-studievoortgang"
    VERHUISD = "verhuisd"
    OVERIG = "overig"


class VerwijzingAangemaakt(IntegrationEvent):
    """A referral towards hbo/wo is proposed for the case manager."""

    event_name = "verwijzing-aangemaakt"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    niveau: Onderwijsniveau


class VerwijzingIngediend(IntegrationEvent):
    """The gemeente submitted the completed referral to a programme's cohort; a place is taken.

    `poging` numbers the attempt: 1 for the first submission, higher for a resubmission after
    a refusal (to a later cohort or another programme). Absent in events from before attempts.
    """

    event_name = "verwijzing-ingediend"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    opleiding_id: UUID
    cohort_id: UUID
    startdatum: date
    poging: int | None = None


class ToelatingBesloten(IntegrationEvent):
    """The institution admitted or refused the referred person; `reden` only on a refusal.

    A refusal ends the attempt `poging`, not the referral: it may be submitted again."""

    event_name = "toelating-besloten"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    cohort_id: UUID
    toegelaten: bool
    reden: Afwijzingsreden | None = None
    poging: int | None = None


class VerwijzingGestart(IntegrationEvent):
    """The admitted person started the programme."""

    event_name = "verwijzing-gestart"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    cohort_id: UUID


class VerwijzingAfgerond(IntegrationEvent):
    """The programme was completed."""

    event_name = "verwijzing-afgerond"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    cohort_id: UUID


class VerwijzingBeeindigd(IntegrationEvent):
    """The programme ended without completion.

    `overstap_b1_route_voorgesteld` is set when the person came from the onderwijsroute: the
    switch to the B1-route is always allowed from there ([Bi] 5.4.1), so the case manager
    should consider it.
    """

    event_name = "verwijzing-beeindigd"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    cohort_id: UUID
    reden: Beeindigingsreden
    overstap_b1_route_voorgesteld: bool


class VerwijzingTermijnNadert(IntegrationEvent):
    """The cohort starts soon and the institution has not yet decided on the submitted referral;
    the case manager may want to chase it. Not published once it was admitted or refused."""

    event_name = "verwijzing-termijn-nadert"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    cohort_id: UUID
    startdatum: date


class VerwijzingIndieningNadert(IntegrationEvent):
    """The registration deadline of the next open cohort at the referral's level is near and the
    referral was not yet submitted; the case manager may want to complete and submit it."""

    event_name = "verwijzing-indiening-nadert"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    instelling_id: UUID
    opleiding_id: UUID
    cohort_id: UUID
    aanmelddeadline: date


EVENTS = (
    VerwijzingAangemaakt,
    VerwijzingIngediend,
    ToelatingBesloten,
    VerwijzingGestart,
    VerwijzingAfgerond,
    VerwijzingBeeindigd,
    VerwijzingTermijnNadert,
    VerwijzingIndieningNadert,
)
