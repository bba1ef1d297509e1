from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)

from inburgering.shared.http.idempotency import idempotency_table
from inburgering.shared.logboek import auditlog_table, dataverwerkingen_table
from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata

metadata = make_metadata()

# SQLite only auto-increments INTEGER PRIMARY KEY columns.
_position = BigInteger().with_variant(Integer(), "sqlite")

# One row per gemeente: the last sequence number handed out (the row lock keeps the numbers in
# commit order) and how far the gemeente's Kafka topic has been filled.
gemeente_stroom = Table(
    "gemeente_stroom",
    metadata,
    Column("gemeentecode", String(6), primary_key=True),
    Column("laatste_volgnummer", BigInteger, nullable=False),
    Column("topic_volgnummer", BigInteger, nullable=False),
)

# The event log: every event of every domain topic, per gemeente, in arrival order.
gebeurtenis = Table(
    "gebeurtenis",
    metadata,
    Column("id", _position, primary_key=True, autoincrement=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("volgnummer", BigInteger, nullable=False),
    Column("event_id", String(100), nullable=False),
    Column("source", String(300), nullable=False),
    Column("type", String(200), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("sleutel", String(100), nullable=False),
    Column("traceparent", String(55), nullable=True),
    Column("data", JSON, nullable=False),
    Column("ontvangen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("gemeentecode", "volgnummer", name="uq_gebeurtenis_volgnummer"),
    Index("ix_gebeurtenis_gemeente_time", "gemeentecode", "time"),
)

abonnement = Table(
    "abonnement",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("callback_url", String(1000), nullable=False),
    # What to present to the subscriber's endpoint (Authorization value or OAuth2 client
    # credentials), sealed by CredentialBox: never stored in clear, never answered back.
    Column("credential", Text, nullable=False),
    # The Standard Webhooks signing key, sealed by CredentialBox (bound to the subscription).
    Column("hmac_secret", Text, nullable=False),
    Column("types", JSON, nullable=False),
    Column("formaat", String(20), nullable=False),
    Column("informatie", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("beeindigd_reden", String(200), nullable=True),
    Column("opeenvolgende_mislukkingen", Integer, nullable=False),
    Column("gepauzeerd_tot", DateTime(timezone=True), nullable=True),
    Column("laatst_afgeleverd_at", DateTime(timezone=True), nullable=True),
    Column("aangemaakt_at", DateTime(timezone=True), nullable=False),
)

aflevering = Table(
    "aflevering",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("abonnement_id", Uuid, ForeignKey("abonnement.id"), nullable=False),
    Column("gebeurtenis_id", BigInteger, ForeignKey("gebeurtenis.id"), nullable=False),
    # Order is kept per (abonnement, sleutel = inburgeraar) by the event's volgnummer.
    Column("sleutel", String(100), nullable=False),
    Column("volgnummer", BigInteger, nullable=False),
    Column("status", String(20), nullable=False),
    Column("pogingen", Integer, nullable=False),
    Column("volgende_poging_at", DateTime(timezone=True), nullable=False),
    Column("geclaimd_tot", DateTime(timezone=True), nullable=True),
    Column("laatste_status", Integer, nullable=True),
    Column("laatste_fout", Text, nullable=True),
    Column("afgeleverd_at", DateTime(timezone=True), nullable=True),
    Column("aangemaakt_at", DateTime(timezone=True), nullable=False),
    Index("ix_aflevering_log", "abonnement_id", "aangemaakt_at"),
    Index("ix_aflevering_wachtend", "abonnement_id", "sleutel", "volgnummer"),
    # A replay never queues an event twice for the same subscription.
    Index(
        "uq_aflevering_wachtend",
        "abonnement_id",
        "gebeurtenis_id",
        unique=True,
        postgresql_where=text("status = 'wachtend'"),
        sqlite_where=text("status = 'wachtend'"),
    ),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
dataverwerking = dataverwerkingen_table(metadata)
auditregel = auditlog_table(metadata)
idempotentie = idempotency_table(metadata)
