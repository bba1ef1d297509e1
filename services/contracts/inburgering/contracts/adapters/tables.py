from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    Uuid,
    false,
    text,
)

from inburgering.shared.http.idempotency import idempotency_table
from inburgering.shared.logboek import auditlog_table, dataverwerkingen_table
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
    # How the verband picks among its qualifying contracts; set by its lead gemeente.
    Column(
        "toewijzingsbeleid",
        String(20),
        nullable=False,
        default="voorkeursvolgorde",
        server_default="voorkeursvolgorde",
    ),
    # Rises with every change of membership; the version samenwerkingsverband-gewijzigd carries.
    Column("versie", Integer, nullable=False, default=1, server_default="1"),
    CheckConstraint(_LEERROUTE, name="leerroute"),
    CheckConstraint("periode_start_date <= periode_eind_date", name="periode"),
    CheckConstraint(
        "toewijzingsbeleid IN ('voorkeursvolgorde', 'rotatie', 'locatie')",
        name="toewijzingsbeleid",
    ),
)

# Where the rotation of a verband stands. Its own row, locked per allocation, so that concurrent
# allocations take turns without contending for the verband row the placements refer to.
toewijzing_rotatie = Table(
    "toewijzing_rotatie",
    metadata,
    Column(
        "samenwerkingsverband_id",
        Uuid,
        ForeignKey("samenwerkingsverband.id", name="fk_toewijzing_rotatie_verband"),
        primary_key=True,
    ),
    Column("laatste_contract_id", Uuid, ForeignKey("contract.id"), nullable=True),
    Column("bijgewerkt_at", DateTime(timezone=True), nullable=False),
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
    # Membership is dated: a gemeente is a member from ingangsdatum until (not on) einddatum.
    # A row is never removed, so who was a member when stays answerable.
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=True),
    # What the gemeente does in the verband: inkoop, contractbeheer, uitvoering.
    Column("rollen", JSON, nullable=False, server_default=text("'[]'")),
    UniqueConstraint(
        "samenwerkingsverband_id",
        "gemeentecode",
        "ingangsdatum",
        name="uq_samenwerkingsverband_lid",
    ),
    CheckConstraint(
        "einddatum IS NULL OR einddatum > ingangsdatum",
        name="periode",
    ),
)

aanbieder = Table(
    "aanbieder",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("kvk", String(8), nullable=False, unique=True),
    Column("naam", String(200), nullable=False),
    # NULL: no keurmerk, as for a taalschakel institution under Inspectie oversight.
    Column("keurmerk_status", String(20), nullable=True),
    Column("keurmerk_nummer", String(30), nullable=True),
    Column("keurmerk_geldig_van", Date, nullable=True),
    Column("keurmerk_geldig_tot", Date, nullable=True),
    Column("taalschakel", Boolean, nullable=False, default=False, server_default=false()),
    # DUO's number for the institution, reported in the inburgeringsaanbod melding.
    Column("duo_instellingsnummer", String(10), nullable=True),
    # The provider's desk for the portal: an organisation's address, not a person's.
    Column("contact_email", String(254), nullable=True),
    Column("contact_telefoon", String(20), nullable=True),
    CheckConstraint(
        "keurmerk_status IN ('geldig', 'geschorst', 'ingetrokken')", name="keurmerk_status"
    ),
)

# The gemeenten where a provider teaches, for the allocation policy `locatie`.
aanbieder_locatie = Table(
    "aanbieder_locatie",
    metadata,
    Column("aanbieder_id", Uuid, ForeignKey("aanbieder.id"), nullable=False),
    Column("gemeentecode", String(6), nullable=False),
    PrimaryKeyConstraint("aanbieder_id", "gemeentecode"),
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
    # Euros per price unit; NULL while the amounts are not entered yet.
    Column("prijs_bedrag", Numeric(10, 2), nullable=True),
    Column("status", String(20), nullable=False),
    Column("periode_start_date", Date, nullable=False),
    Column("periode_eind_date", Date, nullable=False),
    Column("verlengingsopties", Integer, nullable=False, default=0, server_default="0"),
    Column("versie", Integer, nullable=False, default=1, server_default="1"),
    # The lot (perceel) of the tender this contract came from.
    Column("perceel_code", String(40), nullable=True),
    Column("perceel_naam", String(200), nullable=True),
    # One contract per lot and provider in a verband: what a register upload matches on.
    UniqueConstraint(
        "samenwerkingsverband_id", "perceel_code", "aanbieder_id", name="uq_contract_perceel"
    ),
    CheckConstraint(_LEERROUTE, name="leerroute"),
    # The claim in the allocation already never overbooks; this makes it impossible.
    CheckConstraint(
        "geplaatst >= 0 AND geplaatst <= capaciteit", name="geplaatst_binnen_capaciteit"
    ),
    CheckConstraint("prijs_eenheid IN ('traject', 'uur', 'module')", name="prijs_eenheid"),
    CheckConstraint(
        "status IN ('concept', 'actief', 'verlengd', 'opgeschort', 'beeindigd')", name="status"
    ),
    CheckConstraint("periode_start_date <= periode_eind_date", name="periode"),
    CheckConstraint("verlengingsopties >= 0", name="verlengingsopties"),
)

# Every version of a contract as it was agreed, including the first; the contract row is the latest.
contract_versie = Table(
    "contract_versie",
    metadata,
    Column("contract_id", Uuid, ForeignKey("contract.id"), nullable=False),
    Column("versie", Integer, nullable=False),
    Column("capaciteit", Integer, nullable=False),
    Column("prijs_eenheid", String(10), nullable=False),
    Column("prijs_bedrag", Numeric(10, 2), nullable=True),
    Column("status", String(20), nullable=False),
    Column("periode_start_date", Date, nullable=False),
    Column("periode_eind_date", Date, nullable=False),
    Column("verlengingsopties", Integer, nullable=False),
    # JSON list of {gemeentecode, capaciteit}; empty when the capacity is shared freely.
    Column("aandelen", JSON, nullable=False),
    Column("toelichting", String(500), nullable=True),
    # The token subject of whoever changed it, never a person's name.
    Column("gewijzigd_door", String(200), nullable=False),
    Column("gewijzigd_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("contract_id", "versie"),
)

# Optional share of a contract's capacity reserved per member gemeente.
contract_aandeel = Table(
    "contract_aandeel",
    metadata,
    Column("contract_id", Uuid, ForeignKey("contract.id"), nullable=False),
    Column("gemeentecode", String(6), nullable=False),
    Column("capaciteit", Integer, nullable=False),
    Column("geplaatst", Integer, nullable=False, default=0, server_default="0"),
    PrimaryKeyConstraint("contract_id", "gemeentecode"),
    CheckConstraint("geplaatst >= 0 AND geplaatst <= capaciteit", name="binnen_aandeel"),
)

# Every leerroute decision of the region's gemeenten as routes published it, for every doelgroep:
# a placement on request names one of these, so a gemeente can only ask for its own people.
leerroutebesluit = Table(
    "leerroutebesluit",
    metadata,
    # The advies_id of the decision.
    Column("id", Uuid, primary_key=True),
    Column("inburgeraar_id", Uuid, nullable=False, index=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    # The route in force: a leerroute-gewijzigd moves it.
    Column("leerroute", String(20), nullable=False),
    Column("doelgroep", String(30), nullable=False),
    Column("vastgesteld_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(_LEERROUTE, name="leerroute"),
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
    Column("doelgroep", String(30), nullable=False, server_default="asielstatushouder"),
    Column("aanleiding", String(30), nullable=False, server_default="leerroute-vastgesteld"),
    Column("samenwerkingsverband_id", Uuid, ForeignKey("samenwerkingsverband.id"), nullable=True),
    Column("contract_id", Uuid, ForeignKey("contract.id"), nullable=True, index=True),
    Column("aanbieder_id", Uuid, ForeignKey("aanbieder.id"), nullable=True, index=True),
    Column("status", String(20), nullable=False),
    Column("aangevraagd_at", DateTime(timezone=True), nullable=False),
    Column("startdatum", Date, nullable=True),
    Column("einddatum", Date, nullable=True),
    Column("uitval_reden", String(30), nullable=True),
    # Why the gemeente side ended the placement (ingetrokken or beeindigd), e.g. a new leerroute.
    Column("einde_reden", String(30), nullable=True),
    UniqueConstraint("inburgeraar_id", "leerroute_besluit_id"),
    CheckConstraint(_LEERROUTE, name="leerroute"),
    CheckConstraint(
        "status IN ('wachtlijst', 'aangevraagd', 'geaccepteerd', 'gestart', 'afgerond', "
        "'uitgevallen', 'ingetrokken', 'beeindigd')",
        name="status",
    ),
    CheckConstraint(
        "aanleiding IN ('leerroute-vastgesteld', 'verzoek-gemeente', 'leerroute-gewijzigd')",
        name="aanleiding",
    ),
)

# A provider's rejection; the placement is then re-allocated, never to this provider again.
plaatsing_afwijzing = Table(
    "plaatsing_afwijzing",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("plaatsing_id", Uuid, ForeignKey("plaatsing.id"), nullable=False, index=True),
    Column("aanbieder_id", Uuid, ForeignKey("aanbieder.id"), nullable=False),
    Column("contract_id", Uuid, ForeignKey("contract.id"), nullable=False),
    Column("reden", String(30), nullable=False),
    Column("toelichting", String(500), nullable=True),
    Column("afgewezen_at", DateTime(timezone=True), nullable=False),
)

aanwezigheid = Table(
    "aanwezigheid",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("plaatsing_id", Uuid, ForeignKey("plaatsing.id"), nullable=False),
    Column("datum", Date, nullable=False),
    Column("aanwezig_uren", Numeric(5, 2), nullable=False),
    Column("afwezig_uren", Numeric(5, 2), nullable=False),
    Column("afwezigheid", String(20), nullable=True),
    Column("gemeld_at", DateTime(timezone=True), nullable=False),
    # One report per lesson day, so a retried report cannot count hours twice.
    UniqueConstraint("plaatsing_id", "datum"),
    CheckConstraint("afwezigheid IN ('geoorloofd', 'ongeoorloofd')", name="afwezigheid"),
)

voortgangsrapportage = Table(
    "voortgangsrapportage",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("plaatsing_id", Uuid, ForeignKey("plaatsing.id"), nullable=False, index=True),
    Column("peildatum", Date, nullable=False),
    Column("inzet", String(20), nullable=False),
    Column("taalniveau", String(10), nullable=True),
    Column("modules_afgerond", Integer, nullable=False, default=0, server_default="0"),
    Column("gemeld_at", DateTime(timezone=True), nullable=False),
)

examenresultaat = Table(
    "examenresultaat",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("plaatsing_id", Uuid, ForeignKey("plaatsing.id"), nullable=False, index=True),
    Column("onderdeel", String(20), nullable=False),
    Column("examendatum", Date, nullable=False),
    Column("niveau", String(10), nullable=False),
    Column("behaald", Boolean, nullable=False),
    Column("gemeld_at", DateTime(timezone=True), nullable=False),
)

# A milestone row is written once, so its event is published once even under concurrent reports.
urenmijlpaal = Table(
    "urenmijlpaal",
    metadata,
    Column("plaatsing_id", Uuid, ForeignKey("plaatsing.id"), nullable=False),
    Column("mijlpaal", Integer, nullable=False),
    Column("bereikt_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("plaatsing_id", "mijlpaal"),
)

# Where each inburgeraar of the region stands on the way to a course, as the events of intake
# and routes tell it: the pipeline the demand forecast and the statistics count. Ids, codes
# and dates only; never who the person is.
pijplijn = Table(
    "pijplijn",
    metadata,
    Column("inburgeraar_id", Uuid, primary_key=True),
    Column("gemeentecode", String(6), nullable=False, index=True),
    Column("doelgroep", String(30), nullable=True),
    Column("aangemeld_op", Date, nullable=True),
    Column("intake_afgerond_op", Date, nullable=True),
    Column("geadviseerde_leerroute", String(20), nullable=True),
    Column("geadviseerd_op", Date, nullable=True),
    Column("vastgestelde_leerroute", String(20), nullable=True),
    Column("vastgesteld_op", Date, nullable=True),
    # The dagtekening of the first PIP: the cohort of the statistics.
    Column("eerste_pip_op", Date, nullable=True),
    # The obligation ended (beeindigd) or was met (voldaan); the person needs no new course.
    Column("afsluiting", String(20), nullable=True),
    Column("afgesloten_op", Date, nullable=True),
    CheckConstraint("afsluiting IN ('beeindigd', 'voldaan')", name="afsluiting"),
)

# The influx a gemeente expects per half year (the taakstelling huisvesting vergunninghouders,
# and its own estimate of gezinsmigranten), entered by the gemeente for the forecast.
instroomverwachting = Table(
    "instroomverwachting",
    metadata,
    Column("gemeentecode", String(6), nullable=False),
    # "2027-H1": January to June, "2027-H2": July to December.
    Column("halfjaar", String(7), nullable=False),
    Column("asielstatushouders", Integer, nullable=False),
    Column("gezinsmigranten", Integer, nullable=False, server_default="0"),
    Column("vastgelegd_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("gemeentecode", "halfjaar"),
    CheckConstraint("asielstatushouders >= 0 AND gezinsmigranten >= 0", name="aantallen"),
)

# The shortfall last signalled per verband, so that a forecast publishes it once, and again only
# when it changes.
tekortsignaal = Table(
    "tekortsignaal",
    metadata,
    Column(
        "samenwerkingsverband_id",
        Uuid,
        ForeignKey("samenwerkingsverband.id", name="fk_tekortsignaal_verband"),
        primary_key=True,
    ),
    Column("kwartaal", String(7), nullable=False),
    Column("tekort", Integer, nullable=False),
    Column("gesignaleerd_at", DateTime(timezone=True), nullable=False),
)

outbox_message = outbox_table(metadata)
processed_message = inbox_table(metadata)
dataverwerking = dataverwerkingen_table(metadata)
auditregel = auditlog_table(metadata)
idempotentie = idempotency_table(metadata)
