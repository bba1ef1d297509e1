"""The outbox and inbox tables; each service adds them to its own metadata and migrations."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)

# SQLite only auto-increments INTEGER PRIMARY KEY columns.
_position = BigInteger().with_variant(Integer(), "sqlite")


def outbox_table(metadata: MetaData) -> Table:
    """Events waiting to be published, written in the same transaction as the state change."""
    return Table(
        "outbox_message",
        metadata,
        Column("position", _position, primary_key=True, autoincrement=True),
        Column("id", Uuid, nullable=False, unique=True),
        Column("topic", String(200), nullable=False),
        Column("aggregate_type", String(100), nullable=False),
        Column("aggregate_id", String(100), nullable=False),
        Column("event_type", String(200), nullable=False),
        Column("gemeentecode", String(6), nullable=False),
        Column("traceparent", String(55), nullable=True),
        Column("payload", JSON, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True),
        Index(
            "ix_outbox_message_unpublished",
            "position",
            postgresql_where=text("published_at IS NULL"),
            sqlite_where=text("published_at IS NULL"),
        ),
        Index("ix_outbox_message_published_at", "published_at"),
    )


def inbox_table(metadata: MetaData) -> Table:
    """Events this service has handled; the unique key makes a redelivery a no-op."""
    return Table(
        "processed_message",
        metadata,
        Column("consumer", String(100), nullable=False),
        Column("source", String(300), nullable=False),
        Column("event_id", String(100), nullable=False),
        Column("event_type", String(200), nullable=False),
        Column("outcome", String(30), nullable=False),
        Column("detail", Text, nullable=True),
        Column("processed_at", DateTime(timezone=True), nullable=False),
        UniqueConstraint("consumer", "source", "event_id", name="uq_processed_message_event"),
    )
