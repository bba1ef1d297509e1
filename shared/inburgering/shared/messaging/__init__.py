"""The event backbone: envelope, outbox, relay, inbox and consumer."""

from inburgering.shared.messaging.consumer import Consumer
from inburgering.shared.messaging.envelope import Envelope
from inburgering.shared.messaging.inbox import Inbox, Outcome
from inburgering.shared.messaging.outbox import Outbox
from inburgering.shared.messaging.registry import HandlerRegistry, dead_letter_topic
from inburgering.shared.messaging.relay import Relay
from inburgering.shared.messaging.tables import inbox_table, outbox_table

__all__ = [
    "Consumer",
    "Envelope",
    "HandlerRegistry",
    "Inbox",
    "Outbox",
    "Outcome",
    "Relay",
    "dead_letter_topic",
    "inbox_table",
    "outbox_table",
]
