from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata

metadata = make_metadata()

inburgeraar = Table(
    "inburgeraar",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    # The BSN is kept only as a keyed hash (look-up) and encrypted (AES-GCM), never in clear.
    Column("bsn_hash", String(64), nullable=False),
    Column("bsn_encrypted", LargeBinary, nullable=False),
    Column("doelgroep", String(30), nullable=False),
    Column("geboortedatum", Date, nullable=False),
    Column("aangemeld_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("gemeentecode", "bsn_hash"),
)

brede_intake = Table(
    "brede_intake",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, unique=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("leerbaarheidstoets", String(40), nullable=False),
    Column("opleidingsniveau", String(20), nullable=False),
    Column("ambitie", String(20), nullable=False),
    Column("afgerond_date", Date, nullable=False),
    Column("vastgelegd_at", DateTime(timezone=True), nullable=False),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
