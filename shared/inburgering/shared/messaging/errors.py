"""Named failures of the messaging backbone."""


class MessagingError(Exception):
    """Base of the backbone's errors."""


class InvalidEnvelope(MessagingError):
    """A Kafka record is not a CloudEvent this platform can read; it is dead-lettered as poison."""


class InvalidEventData(MessagingError):
    """A known event type whose data does not match its schema; dead-lettered as poison."""


class TenantMismatch(MessagingError):
    """An event's gemeentecode does not match the data it carries."""
