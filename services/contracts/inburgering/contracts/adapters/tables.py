from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
    Uuid,
    false,
)

from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata

metadata = make_metadata()

_LEERROUTE = "leerroute IN ('b1-route', 'onderwijsroute', 'z-route')"

samenwerkingsverband = Table(
    "samenwerkingsverband",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("naam", String(200), nullable=False),
    Column("leerroute", String(20), nullable=False),
    Column("lead_gemeentecode", String(6), nullable=False, index=True),
    Column("periode_start_date", Date, nullable=False),
    Column("periode_eind_date", Date, nullable=False),
    CheckConstraint(_LEERROUTE, name="leerroute"),
    CheckConstraint("periode_start_date <= periode_eind_date", name="periode"),
)

# Constraints named by hand here: the conventional names exceed PostgreSQL's 63 characters.
samenwerkingsverband_lid = Table(
    "samenwerkingsverband_lid",
    metadata,
    Column(
        "samenwerkingsverband_id",
        Uuid,
        ForeignKey("samenwerkingsverband.id", name="fk_samenwerkingsverband_lid_verband"),
        nullable=False,
    ),
    Column("gemeentecode", String(6), nullable=False, index=True),
    UniqueConstraint("samenwerkingsverband_id", "gemeentecode", name="uq_samenwerkingsverband_lid"),
)

aanbieder = Table(
    "aanbieder",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("kvk", String(8), nullable=False, unique=True),
    Column("naam", String(200), nullable=False),
    # NULL: no keurmerk, as for a taalschakel institution under Inspectie oversight.
    Column("keurmerk_status", String(20), nullable=True),
    Column("keurmerk_geldig_tot", Date, nullable=True),
    Column("taalschakel", Boolean, nullable=False, default=False, server_default=false()),
    CheckConstraint(
        "keurmerk_status IN ('geldig', 'geschorst', 'ingetrokken')", name="keurmerk_status"
    ),
)

contract = Table(
    "contract",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column(
        "samenwerkingsverband_id",
        Uuid,
        ForeignKey("samenwerkingsverband.id"),
        nullable=False,
        index=True,
    ),
    Column("aanbieder_id", Uuid, ForeignKey("aanbieder.id"), nullable=False, index=True),
    Column("leerroute", String(20), nullable=False),
    Column("doelgroep", String(30), nullable=True),
    Column("capaciteit", Integer, nullable=False),
    Column("geplaatst", Integer, nullable=False, default=0, server_default="0"),
    Column("prijs_eenheid", String(10), nullable=False),
    Column("status", String(20), nullable=False),
    Column("periode_start_date", Date, nullable=False),
    Column("periode_eind_date", Date, nullable=False),
    Column("versie", Integer, nullable=False, default=1, server_default="1"),
    CheckConstraint(_LEERROUTE, name="leerroute"),
    # The claim in the allocation already never overbooks; this makes it impossible.
    CheckConstraint(
        "geplaatst >= 0 AND geplaatst <= capaciteit", name="geplaatst_binnen_capaciteit"
    ),
    CheckConstraint("prijs_eenheid IN ('traject', 'uur', 'module')", name="prijs_eenheid"),
    CheckConstraint("status IN ('actief', 'opgeschort', 'beeindigd')", name="status"),
    CheckConstraint("periode_start_date <= periode_eind_date", name="periode"),
)

plaatsing = Table(
    "plaatsing",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False),
    # The advies_id of the leerroute decision: one placement per decision, however often delivered.
    Column("leerroute_besluit_id", Uuid, nullable=False),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("leerroute", String(20), nullable=False),
    Column("samenwerkingsverband_id", Uuid, ForeignKey("samenwerkingsverband.id"), nullable=True),
    Column("contract_id", Uuid, ForeignKey("contract.id"), nullable=True, index=True),
    Column("aanbieder_id", Uuid, ForeignKey("aanbieder.id"), nullable=True, index=True),
    Column("status", String(20), nullable=False),
    Column("aangevraagd_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("inburgeraar_id", "leerroute_besluit_id"),
    CheckConstraint(_LEERROUTE, name="leerroute"),
    CheckConstraint("status IN ('aangevraagd', 'wachtlijst')", name="status"),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
