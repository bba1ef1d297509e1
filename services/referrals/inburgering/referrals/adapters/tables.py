from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, String, Table, Uuid

from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata

metadata = make_metadata()

instelling = Table(
    "instelling",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("naam", String(200), nullable=False),
    Column("soort", String(10), nullable=False),
    CheckConstraint("soort IN ('hbo', 'wo')", name="soort"),
)

opleiding = Table(
    "opleiding",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("instelling_id", Uuid, ForeignKey("instelling.id"), nullable=False, index=True),
    Column("naam", String(200), nullable=False),
    Column("soort", String(30), nullable=False),
    Column("niveau", String(10), nullable=False),
    CheckConstraint(
        "soort IN ('pre-bachelor-hbo', 'pre-bachelor-wo', 'schakeljaar', 'taalschakeltraject')",
        name="soort",
    ),
    CheckConstraint("niveau IN ('hbo', 'wo')", name="niveau"),
)

netwerk_gemeente = Table(
    "netwerk_gemeente",
    metadata,
    Column("gemeentecode", String(6), primary_key=True),
    Column("naam", String(100), nullable=False),
)

verwijzing = Table(
    "verwijzing",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    # One referral per leerroute decision: a redelivered or replayed decision finds it here.
    Column("advies_id", Uuid, nullable=False, unique=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("niveau", String(10), nullable=False),
    Column("status", String(20), nullable=False),
    Column("aangemaakt_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("niveau IN ('hbo', 'wo')", name="niveau"),
    CheckConstraint("status IN ('aangemaakt')", name="status"),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
