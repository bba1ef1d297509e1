"""Integration events, one module per producer."""

from inburgering.shared.events import contracts, intake, referrals, routes, subscriptions
from inburgering.shared.events.base import EventCatalog, IntegrationEvent

ALL_EVENTS = EventCatalog(
    *intake.EVENTS,
    *routes.EVENTS,
    *contracts.EVENTS,
    *referrals.EVENTS,
    *subscriptions.EVENTS,
)

__all__ = ["ALL_EVENTS", "EventCatalog", "IntegrationEvent"]
