from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    false,
    text,
)

from inburgering.shared.http.idempotency import idempotency_table
from inburgering.shared.logboek import auditlog_table, dataverwerkingen_table
from inburgering.shared.messaging import inbox_table, outbox_table
from inburgering.shared.persistence import make_metadata
from inburgering.shared.scheduling import timer_table

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
    # DUO's APIs do not give the birth date: a person DUO reported may not have one yet.
    Column("geboortedatum", Date, nullable=True),
    Column("aangemeld_at", DateTime(timezone=True), nullable=False),
    Column("status", String(30), nullable=False, server_default=text("'aangemeld'")),
    Column("regime", String(10), nullable=False, server_default=text("'wi2021'")),
    Column("bron", String(10), nullable=False, server_default=text("'gemeente'")),
    Column("plicht_start_date", Date, nullable=True),
    Column("kennisgeving_date", Date, nullable=True),
    Column("vestiging_date", Date, nullable=True),
    # Settled here after a move (SS120, SS121): the PIP deadline counts from the settling.
    Column("verhuisd", Boolean, nullable=False, server_default=false()),
    Column("vorige_gemeentecode", String(6), nullable=True),
    # After a move the leerroute of the previous gemeente's PIP stays ([Wi] art. 15.4).
    Column("vergrendelde_leerroute", String(20), nullable=True),
    Column("termijn_start_date", Date, nullable=True),
    Column("termijn_eind_date", Date, nullable=True),
    Column("pip_wacht_op_derde", Boolean, nullable=False, server_default=false()),
    Column("pip_derde_ontvangen_date", Date, nullable=True),
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
    # Everything below came later: intakes recorded before it have NULLs.
    Column("leerbaarheidstoets_score", Integer, nullable=True),
    Column("leerbaarheidstoets_date", Date, nullable=True),
    Column("leerbaarheidstoets_cesuur", Integer, nullable=True),
    Column("leerbaarheidstoets_beperking", String(10), nullable=True),
    Column("opleiding", Text, nullable=True),
    Column("werkervaring_jaren", Integer, nullable=True),
    Column("werkervaring", Text, nullable=True),
    Column("taalniveau", String(4), nullable=True),
    Column("zelfredzaamheid", String(30), nullable=True),
    Column("vve_aantal_kinderen", Integer, nullable=True),
    Column("vve_mogelijkheden", Text, nullable=True),
    Column("mogelijkheden_werk_en_participatie", Text, nullable=True),
    Column("recht_op_alleen_spreken_meegedeeld", Boolean, nullable=True),
    # A, AA or NVT: DUO's indicatorAlfabetiseringsonderwijs in the inburgeringsaanbod.
    Column("alfabetisering", String(3), nullable=True),
)

# Health (special-category data, [Wi] art. 37): apart from the intake, encrypted, read only
# through its own endpoint by a token with the `gezondheid` claim.
gezondheid = Table(
    "gezondheid",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, unique=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("versleuteld", LargeBinary, nullable=False),
    Column("vastgelegd_at", DateTime(timezone=True), nullable=False),
)

# Processing records of personal data (the start of the Logboek Dataverwerkingen): who, when,
# which person, what and why. Holds no content, so it can be kept and shown to a supervisor.
verwerkingslog = Table(
    "verwerkingslog",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("verwerkt_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("rol", String(20), nullable=False),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    Column("gegevens", String(40), nullable=False),
    Column("handeling", String(20), nullable=False),
    Column("doel", String(40), nullable=False),
    Column("grondslag", String(100), nullable=False),
)

# A notification from DUO, stored before the 201 so that DUO never has to resend it.
duo_notificatie = Table(
    "duo_notificatie",
    metadata,
    Column("bericht_id", Uuid, primary_key=True),
    Column("bron", String(20), nullable=False),
    Column("doel", String(20), nullable=False),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("gebeurtenis_id", String(6), nullable=False),
    Column("registratie_at", DateTime(timezone=True), nullable=False),
    Column("bsn_hash", String(64), nullable=True),
    Column("bsn_encrypted", LargeBinary, nullable=True),
    Column("v_nummer_hash", String(64), nullable=True),
    # Identifies the content, so that a reused berichtId with other content is refused.
    Column("vingerafdruk", String(64), nullable=False),
    Column("ontvangen_at", DateTime(timezone=True), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("reden", String(200), nullable=True),
    Column("pogingen", Integer, nullable=False, server_default=text("0")),
    Column("laatste_fout", String(200), nullable=True),
    Column("inburgeraar_id", Uuid, nullable=True, index=True),
    Column("verwerkt_at", DateTime(timezone=True), nullable=True),
)

# What DUO told the gemeente about one inburgeraar: the visible history of the case.
duo_gebeurtenis = Table(
    "duo_gebeurtenis",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, index=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("bericht_id", Uuid, nullable=False),
    Column("gebeurtenis_id", String(6), nullable=False),
    Column("omschrijving", String(200), nullable=False),
    Column("toelichting", String(500), nullable=True),
    Column("geregistreerd_at", DateTime(timezone=True), nullable=False),
    Column("verwerkt_at", DateTime(timezone=True), nullable=False),
)

leerbaarheidstoets = Table(
    "leerbaarheidstoets",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, index=True),
    Column("afgenomen_date", Date, nullable=False),
    Column("score", Integer, nullable=True),
    Column("cesuur", Integer, nullable=False),
    Column("uitslag", String(40), nullable=False),
    UniqueConstraint("inburgeraar_id", "afgenomen_date"),
)

pip = Table(
    "pip",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, index=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("versie", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("leerroute", String(20), nullable=False),
    Column("niveau", String(2), nullable=True),
    Column("geschatte_intensiteit_b1", Integer, nullable=True),
    Column("intensiteit_pvt_uren", Integer, nullable=True),
    Column("intensiteit_map_uren", Integer, nullable=True),
    Column("aantal_voortgangsgesprekken", Integer, nullable=True),
    Column("begeleiding", Text, nullable=True),
    Column("vve_afspraken", Text, nullable=True),
    Column("dagtekening", Date, nullable=True),
    Column("eerste_pip", Boolean, nullable=True),
    Column("aangemaakt_at", DateTime(timezone=True), nullable=False),
    Column("vastgesteld_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("inburgeraar_id", "versie"),
)

# A melding to DUO (soort `pip` or `inburgeringsaanbod`): delivered by the scheduler, retried
# with backoff, outcome kept. An aanbod melding keeps the facts of the started placement.
duo_melding = Table(
    "duo_melding",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("soort", String(20), nullable=False),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, index=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("pip_id", Uuid, ForeignKey("pip.id"), nullable=True, unique=True),
    Column("status", String(20), nullable=False),
    Column("pogingen", Integer, nullable=False, server_default=text("0")),
    Column("laatste_bericht_id", Uuid, nullable=True),
    Column("laatste_fout", String(500), nullable=True),
    Column("aangemaakt_at", DateTime(timezone=True), nullable=False),
    Column("volgende_poging_at", DateTime(timezone=True), nullable=True),
    Column("afgerond_at", DateTime(timezone=True), nullable=True),
    Column("plaatsing_id", Uuid, nullable=True, unique=True),
    Column("aanbieder_kvk", String(20), nullable=True),
    Column("leerroute", String(20), nullable=True),
    Column("startdatum", Date, nullable=True),
    # From contracts' traject-gestart; empty when the provider was registered without one.
    Column("aanbieder_duo_instellingsnummer", String(10), nullable=True),
)

# Name and address ([Bi] art. 9.2.3): sealed, bound to the inburgeraar, never in events or logs.
contactgegevens = Table(
    "contactgegevens",
    metadata,
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), primary_key=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("versleuteld", LargeBinary, nullable=False),
    Column("vastgelegd_at", DateTime(timezone=True), nullable=False),
)

# Which provider may read the contact data, per placement, from contracts' events.
aanbieder_inzage = Table(
    "aanbieder_inzage",
    metadata,
    Column("plaatsing_id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    Column("gemeentecode", String(6), nullable=False),
    # Empty only when a placement ended before any provider had it.
    Column("aanbieder_kvk", String(20), nullable=True),
    Column("inzage", String(20), nullable=False),
    Column("gewijzigd_at", DateTime(timezone=True), nullable=False),
)

# Every settling in a new gemeente DUO reported (SS120, SS121), in the order it happened.
verhuizing = Table(
    "verhuizing",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, ForeignKey("inburgeraar.id"), nullable=False, index=True),
    Column("gemeentecode", String(6), nullable=False),
    Column("van_gemeentecode", String(6), nullable=True),
    Column("naar_gemeentecode", String(6), nullable=False),
    Column("gevestigd_date", Date, nullable=False),
    Column("gebeurtenis_id", String(6), nullable=False),
    Column("bericht_id", Uuid, nullable=False, unique=True),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
timer = timer_table(metadata)
dataverwerking = dataverwerkingen_table(metadata)
auditregel = auditlog_table(metadata)
idempotentie = idempotency_table(metadata)
