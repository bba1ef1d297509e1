from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
    text,
)

from inburgering.shared.http.idempotency import idempotency_table
from inburgering.shared.logboek import auditlog_table, dataverwerkingen_table
from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata
from inburgering.shared.scheduling import timer_table

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
    Column("alfabetisering", String(3), nullable=True),
    Column("geadviseerde_leerroute", String(20), nullable=True),
    Column("regel", String(40), nullable=False),
    Column("regelset_versie", String(20), nullable=False),
    # The policy values the advice was computed with; later policy never rewrites them.
    Column("onderwijsroute_max_leeftijd", Integer, nullable=True),
    Column("beleid_ingangs_date", Date, nullable=True),
    # gemeente, samenwerkingsverband or standaard; empty for advices from before it was stored.
    Column("beleid_bron", String(30), nullable=True),
    Column("beleid_samenwerkingsverband_id", Uuid, nullable=True),
    Column("uitleg", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    # The current leerroute once decided; changes are kept in leerroute_wijziging.
    Column("vastgestelde_leerroute", String(20), nullable=True),
    Column("a2_vaardigheden", JSON, nullable=False, server_default=text("'[]'")),
    Column("motivering", Text, nullable=True),
    Column("geadviseerd_at", DateTime(timezone=True), nullable=False),
    Column("vastgesteld_at", DateTime(timezone=True), nullable=True),
    Column("gewijzigd_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("status IN ('geadviseerd', 'vastgesteld')", name="status"),
)

leerroute_wijziging = Table(
    "leerroute_wijziging",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("advies_id", Uuid, nullable=False, index=True),
    Column("soort", String(20), nullable=False),
    Column("vorige_leerroute", String(20), nullable=False),
    Column("leerroute", String(20), nullable=False),
    Column("grond", String(40), nullable=True),
    Column("vaardigheden", JSON, nullable=True),
    Column("nt2_uren", Float, nullable=True),
    Column("motivering", Text, nullable=False),
    Column("ingangs_date", Date, nullable=False),
    Column("besloten_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("soort IN ('wijziging', 'afschaling')", name="soort"),
)

gemeentebeleid = Table(
    "gemeentebeleid",
    metadata,
    Column("gemeentecode", String(6), nullable=False),
    Column("ingangs_date", Date, nullable=False),
    Column("onderwijsroute_max_leeftijd", Integer, nullable=False),
    Column("vastgelegd_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("gemeentecode", "ingangs_date"),
)

# Routes' copy of the contracts service's samenwerkingsverbanden, replaced by every
# samenwerkingsverband-gewijzigd with a higher versie; routes never founds or changes one itself.
samenwerkingsverband = Table(
    "samenwerkingsverband",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("naam", String(200), nullable=False),
    Column("leerroute", String(20), nullable=False),
    Column("lead_gemeentecode", String(6), nullable=False, index=True),
    Column("periode_start_date", Date, nullable=False),
    Column("periode_eind_date", Date, nullable=False),
    # Contracts' version of the verband: an event with a version not above it is ignored.
    Column("versie", Integer, nullable=False),
    Column("bijgewerkt_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("leerroute IN ('b1-route', 'onderwijsroute', 'z-route')", name="leerroute"),
)

# Dated membership: a gemeente is a member from ingangs_date until (not on) eind_date, so whose
# policy applied on the day an intake was completed stays answerable after members change.
samenwerkingsverband_lid = Table(
    "samenwerkingsverband_lid",
    metadata,
    Column("samenwerkingsverband_id", Uuid, nullable=False),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("ingangs_date", Date, nullable=False),
    Column("eind_date", Date, nullable=True),
    Column("rollen", JSON, nullable=False, server_default=text("'[]'")),
    PrimaryKeyConstraint("samenwerkingsverband_id", "gemeentecode", "ingangs_date"),
    CheckConstraint("eind_date IS NULL OR eind_date > ingangs_date", name="periode"),
)

samenwerkingsverbandbeleid = Table(
    "samenwerkingsverbandbeleid",
    metadata,
    Column("samenwerkingsverband_id", Uuid, nullable=False),
    Column("ingangs_date", Date, nullable=False),
    Column("onderwijsroute_max_leeftijd", Integer, nullable=False),
    Column("vastgelegd_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("samenwerkingsverband_id", "ingangs_date"),
)

inburgeringstermijn = Table(
    "inburgeringstermijn",
    metadata,
    Column("inburgeraar_id", Uuid, primary_key=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    # Where the termijn came from: the first PIP adopted here, or DUO (someone who moved in with
    # the previous gemeente's PIP); only the first has a PIP here.
    Column("bron", String(10), nullable=False, server_default=text("'pip'")),
    Column("eerste_pip_id", Uuid, nullable=True),
    Column("dagtekening_eerste_pip_date", Date, nullable=True),
    Column("start_date", Date, nullable=False),
    Column("oorspronkelijke_eind_date", Date, nullable=False),
    Column("eind_date", Date, nullable=False),
    # Derived from start and end, stored so that lists can filter on coming deadlines.
    Column("routewijziging_sluit_date", Date, nullable=False),
    Column("verlengingsvenster_open_date", Date, nullable=False),
    Column("gestart_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("bron IN ('pip', 'duo')", name="bron"),
    # A termijn from a PIP here names that PIP.
    CheckConstraint(
        "bron = 'duo' OR (eerste_pip_id IS NOT NULL AND dagtekening_eerste_pip_date IS NOT NULL)",
        name="eerste_pip",
    ),
)

termijn_verlenging = Table(
    "termijn_verlenging",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    Column("vorige_eind_date", Date, nullable=False),
    Column("nieuwe_eind_date", Date, nullable=False),
    Column("verwerkt_at", DateTime(timezone=True), nullable=False),
)

# Attended NT2 hours per placement, as the provider last reported them at a recognised institution.
nt2_uren = Table(
    "nt2_uren",
    metadata,
    Column("inburgeraar_id", Uuid, nullable=False),
    Column("plaatsing_id", Uuid, nullable=False),
    Column("gemeentecode", String(6), nullable=False),
    Column("uren_erkend", Float, nullable=False),
    Column("bijgewerkt_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("inburgeraar_id", "plaatsing_id"),
)

# Attended course hours per placement at any provider, for the Z-route's 800-hour norm ([Bi]
# 3.14.2); the highest total reported by any of contracts' progress events counts.
cursusuren = Table(
    "cursusuren",
    metadata,
    Column("inburgeraar_id", Uuid, nullable=False),
    Column("plaatsing_id", Uuid, nullable=False),
    Column("gemeentecode", String(6), nullable=False),
    Column("uren_aanwezig", Float, nullable=False),
    Column("bijgewerkt_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("inburgeraar_id", "plaatsing_id"),
)

# What the gemeente registers of the PVT, the MAP and the Z-route eindgesprek (R10, R11).
voortgang = Table(
    "voortgang",
    metadata,
    Column("inburgeraar_id", Uuid, primary_key=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("pvt_uren", Float, nullable=False, server_default=text("0")),
    Column("pvt_ondertekend_date", Date, nullable=True),
    Column("map_status", String(20), nullable=False, server_default=text("'niet-gestart'")),
    Column("map_uren", Float, nullable=False, server_default=text("0")),
    Column("map_eindgesprek_date", Date, nullable=True),
    Column("z_eindgesprek_date", Date, nullable=True),
    # Set in the transaction that publishes route-afronding-bereikt, so it is published once.
    Column("afronding_bereikt_at", DateTime(timezone=True), nullable=True),
    Column("bijgewerkt_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("map_status IN ('niet-gestart', 'gestart', 'afgerond')", name="map_status"),
)

participatie_activiteit = Table(
    "participatie_activiteit",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    Column("datum_date", Date, nullable=False),
    Column("uren", Float, nullable=False),
    Column("omschrijving", Text, nullable=False),
    Column("geregistreerd_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("uren > 0", name="uren_positief"),
)

# Hours the gemeente deducts from a Z-route norm, each with its ground ([Bi] 3.14.6, 3.14.9–10).
urenaftrek = Table(
    "urenaftrek",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    Column("norm", String(40), nullable=False),
    Column("grond", String(40), nullable=False),
    Column("uren", Float, nullable=False),
    Column("geregistreerd_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("uren > 0", name="uren_positief"),
)

# DUO's result per exam part and exam day (SS199); a corrected result replaces the earlier one.
examenuitslag = Table(
    "examenuitslag",
    metadata,
    Column("inburgeraar_id", Uuid, nullable=False),
    Column("onderdeel", String(10), nullable=False),
    Column("examen_date", Date, nullable=False),
    Column("gemeentecode", String(6), nullable=False),
    Column("resultaat", String(20), nullable=False),
    Column("niveau", String(10), nullable=True),
    Column("ontvangen_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("inburgeraar_id", "onderdeel", "examen_date"),
)

timer = timer_table(metadata)
outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
dataverwerking = dataverwerkingen_table(metadata)
auditregel = auditlog_table(metadata)
idempotentie = idempotency_table(metadata)
