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
    Uuid,
    false,
    text,
    true,
)

from inburgering.shared.http.idempotency import idempotency_table
from inburgering.shared.logboek import auditlog_table, dataverwerkingen_table
from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata
from inburgering.shared.scheduling import timer_table

metadata = make_metadata()

_STATUSSEN = (
    "'aangemaakt', 'dossier-compleet', 'ingediend', 'intake-gehouden', 'toegelaten', "
    "'afgewezen', 'gestart', 'afgerond', 'beeindigd'"
)

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
    # Entry requirements: NT2 programma II (B2) by the start, English and maths as described
    # by the institution, and whether a diploma valuation must show a comparable level.
    Column("taalniveau_bij_start", String(2), nullable=False, server_default=text("'B2'")),
    Column("engels_niveau", String(100), nullable=True),
    Column("wiskunde_niveau", String(100), nullable=True),
    Column("diplomawaardering_vereist", Boolean, nullable=False, server_default=true()),
    CheckConstraint(
        "soort IN ('pre-bachelor-hbo', 'pre-bachelor-wo', 'schakeljaar', 'taalschakeltraject')",
        name="soort",
    ),
    CheckConstraint("niveau IN ('hbo', 'wo')", name="niveau"),
)

cohort = Table(
    "cohort",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("opleiding_id", Uuid, ForeignKey("opleiding.id"), nullable=False, index=True),
    Column("aanmeld_deadline_date", Date, nullable=False),
    Column("start_date", Date, nullable=False),
    Column("eind_date", Date, nullable=False),
    Column("plaatsen", Integer, nullable=False),
    # Places taken by submitted referrals; claimed only by a conditional UPDATE.
    Column("bezet", Integer, nullable=False, server_default=text("0")),
    CheckConstraint("bezet >= 0 AND bezet <= plaatsen", name="bezet"),
    CheckConstraint("aanmeld_deadline_date <= start_date AND start_date < eind_date", name="data"),
)

netwerk_gemeente = Table(
    "netwerk_gemeente",
    metadata,
    Column("gemeentecode", String(6), primary_key=True),
    Column("naam", String(100), nullable=False),
    # A lead gemeente manages the network (members, institutions) on behalf of the cooperation.
    Column("lead", Boolean, nullable=False, server_default=false()),
)

# Every inburgeraar routes decided a leerroute for, in any gemeente and on any leerroute: a case
# manager can refer only someone known here for the own gemeente.
inburgeraar = Table(
    "inburgeraar",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("leerroute", String(20), nullable=False),
    Column("opleidingsniveau", String(20), nullable=True),
    Column("bekend_sinds_at", DateTime(timezone=True), nullable=False),
    # When the event that set the current leerroute happened: an older one, replayed or
    # redelivered late, must not undo a later change.
    Column("leerroute_sinds_at", DateTime(timezone=True), nullable=False),
)

verwijzing = Table(
    "verwijzing",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    # One referral per leerroute decision: a redelivered or replayed decision finds it here.
    # Empty for a referral a case manager makes by hand.
    Column("advies_id", Uuid, nullable=True, unique=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("niveau", String(10), nullable=False),
    Column("leerroute", String(20), nullable=False, server_default=text("'onderwijsroute'")),
    # The education level the brede intake recorded: a candidate fact for the case manager.
    Column("opleidingsniveau", String(20), nullable=True),
    Column("status", String(20), nullable=False),
    Column("aangemaakt_at", DateTime(timezone=True), nullable=False),
    Column("diplomawaardering", String(30), nullable=True),
    Column("taalniveau", String(2), nullable=True),
    Column("uaf_begeleiding", Boolean, nullable=False, server_default=false()),
    Column("geboortejaar", Integer, nullable=True),
    Column("cohort_id", Uuid, ForeignKey("cohort.id"), nullable=True, index=True),
    Column("afwijzingsreden", String(40), nullable=True),
    Column("beeindigingsreden", String(40), nullable=True),
    # The current attempt: 1 until a refused referral is submitted again.
    Column("poging", Integer, nullable=False, server_default=text("1")),
    CheckConstraint("niveau IN ('hbo', 'wo')", name="niveau"),
    CheckConstraint(f"status IN ({_STATUSSEN})", name="status"),
)

verwijzing_stap = Table(
    "verwijzing_stap",
    metadata,
    Column("verwijzing_id", Uuid, ForeignKey("verwijzing.id"), primary_key=True),
    # A resubmission reaches `ingediend` again: each attempt keeps its own steps.
    Column("poging", Integer, primary_key=True, server_default=text("1")),
    Column("status", String(20), primary_key=True),
    Column("bereikt_at", DateTime(timezone=True), nullable=False),
)

# Each submission of a referral: its cohort (and so its dates and institution) and, once
# refused, why. The referral row holds only the current attempt.
verwijzing_poging = Table(
    "verwijzing_poging",
    metadata,
    Column("verwijzing_id", Uuid, ForeignKey("verwijzing.id"), primary_key=True),
    Column("poging", Integer, primary_key=True),
    Column("cohort_id", Uuid, ForeignKey("cohort.id"), nullable=False, index=True),
    Column("afwijzingsreden", String(40), nullable=True),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
timer = timer_table(metadata)
dataverwerking = dataverwerkingen_table(metadata)
auditregel = auditlog_table(metadata)
idempotentie = idempotency_table(metadata)
