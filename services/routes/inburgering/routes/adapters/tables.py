from __future__ import annotations

from sqlalchemy import JSON, CheckConstraint, Column, DateTime, Integer, String, Table, Text, Uuid

from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata

metadata = make_metadata()

leerroute_advies = Table(
    "leerroute_advies",
    metadata,
    Column("id", Uuid, primary_key=True),
    # One advice per inburgeraar: a redelivered or repeated intake-afgerond must not add another.
    Column("inburgeraar_id", Uuid, nullable=False, unique=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    # The intake facts are copied so the advice stays explainable without asking intake.
    Column("intake_id", Uuid, nullable=False),
    Column("doelgroep", String(30), nullable=False),
    Column("leerbaarheidstoets", String(40), nullable=False),
    Column("ambitie", String(20), nullable=False),
    Column("opleidingsniveau", String(20), nullable=False),
    Column("leeftijd", Integer, nullable=False),
    Column("geadviseerde_leerroute", String(20), nullable=True),
    Column("regel", String(40), nullable=False),
    Column("regelset_versie", String(20), nullable=False),
    Column("uitleg", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("vastgestelde_leerroute", String(20), nullable=True),
    Column("motivering", Text, nullable=True),
    Column("geadviseerd_at", DateTime(timezone=True), nullable=False),
    Column("vastgesteld_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("status IN ('geadviseerd', 'vastgesteld')", name="status"),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
