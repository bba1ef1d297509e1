"""Events published by the subscriptions service on topic `subscriptions.abonnement`: alerts
about a gemeente's webhook subscriptions, for operators and the gemeente's own monitoring."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.shared.events.base import IntegrationEvent
from inburgering.shared.events.vocabulary import Gemeentecode

TOPIC = "subscriptions.abonnement"


class AbonnementVerstoord(IntegrationEvent):
    """Deliveries to a subscription keep failing; raised once per run of failures."""

    event_name = "abonnement-verstoord"
    topic = TOPIC
    aggregate_type = "abonnement"
    key_field = "abonnement_id"

    abonnement_id: UUID
    gemeentecode: Gemeentecode
    opeenvolgende_mislukkingen: int = Field(ge=1)
    laatste_status: int | None = Field(
        None, description="HTTP status of the last attempt; empty when the receiver was unreachable"
    )


class AbonnementBeeindigd(IntegrationEvent):
    """The receiver answered 410 Gone: the subscription is retired and delivers no more."""

    event_name = "abonnement-beeindigd"
    topic = TOPIC
    aggregate_type = "abonnement"
    key_field = "abonnement_id"

    abonnement_id: UUID
    gemeentecode: Gemeentecode


EVENTS = (AbonnementVerstoord, AbonnementBeeindigd)
