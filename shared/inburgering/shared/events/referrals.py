"""Events published by the referrals service on topic `referrals.verwijzing`."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import Gemeentecode

TOPIC = "referrals.verwijzing"


class Onderwijsniveau(StrEnum):
    HBO = "hbo"
    WO = "wo"


class VerwijzingAangemaakt(IntegrationEvent):
    """A referral towards hbo/wo is proposed for the case manager."""

    event_name = "verwijzing-aangemaakt"
    topic = TOPIC
    aggregate_type = "inburgeraar"

    verwijzing_id: UUID
    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    niveau: Onderwijsniveau


EVENTS = (VerwijzingAangemaakt,)
