from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from pydantic import Field

from inburgering.contracts.domain.lidmaatschap import LidRol
from inburgering.contracts.domain.meldingen import (
    Afwezigheid,
    AfwijzingsReden,
    Examenonderdeel,
    Inzet,
    UitvalReden,
)
from inburgering.contracts.domain.model import (
    ContractStatus,
    EindeReden,
    KeurmerkStatus,
    PlaatsingStatus,
    PrijsEenheid,
    Toewijzingsbeleid,
)
from inburgering.shared.events.vocabulary import Doelgroep, Gemeentecode, Leerroute
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip, VrijeTekst

_ERK = r"^(A0|A1|A2|B1|B2|C1|C2)$"

# Counts are stored as INTEGER; anything larger is invalid input, not a server error.
MAX_AANTAL = 2**31 - 1


class PlaatsingRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    gemeentecode: str
    leerroute: Leerroute
    doelgroep: Doelgroep
    contract_id: UUID | None = Field(description="Leeg zolang de plaatsing op de wachtlijst staat")
    aanbieder_kvk: str | None = Field(
        description="KvK-nummer van de aanbieder; leeg op de wachtlijst"
    )
    status: PlaatsingStatus
    aangevraagd_op: Tijdstip
    startdatum: date | None = Field(description="Door de aanbieder gemelde start")
    einddatum: date | None = Field(description="Datum van afronding, uitval of beëindiging")
    einde_reden: EindeReden | None = Field(
        None, description="Waarom de gemeente de plaatsing introk of beëindigde"
    )


class PlaatsingCreate(ApiInvoer):
    """Verzoek van de gemeente om een cursus te regelen voor een gezinsmigrant."""

    inburgeraar_id: UUID
    gemeentecode: Gemeentecode
    leerroute: Leerroute
    doelgroep: Doelgroep = Field(
        description="Alleen gezinsmigrant; asielstatushouders worden "
        "automatisch geplaatst na het vaststellen van de leerroute"
    )
    leerroute_besluit_id: UUID = Field(
        description="Id van het leerrouteadvies dat is vastgesteld; één plaatsing per besluit"
    )


class AfwijzingCreate(ApiInvoer):
    reden: AfwijzingsReden
    toelichting: str | None = Field(
        None, max_length=500, description="Zonder persoonsgegevens of gezondheidsinformatie"
    )


class StartCreate(ApiInvoer):
    startdatum: date


class AanwezigheidCreate(ApiInvoer):
    datum: date = Field(description="De lesdag")
    aanwezig_uren: Decimal = Field(ge=0, le=24, decimal_places=2)
    afwezig_uren: Decimal = Field(Decimal(0), ge=0, le=24, decimal_places=2)
    afwezigheid: Afwezigheid | None = Field(
        None, description="Verplicht bij afwezige uren: geoorloofd of ongeoorloofd"
    )


class UrenRead(ApiModel):
    uren_aanwezig: float
    uren_geoorloofd_afwezig: float
    uren_ongeoorloofd_afwezig: float
    mijlpalen: list[int] = Field(description="Bereikte urenmijlpalen (400, 600, 800)")


class VoortgangCreate(ApiInvoer):
    peildatum: date
    inzet: Inzet
    taalniveau: str | None = Field(None, pattern=_ERK, description="Bereikt ERK-niveau, bv. A2")
    modules_afgerond: int = Field(0, ge=0, le=100, description="Sinds de vorige rapportage")


class ExamenresultaatCreate(ApiInvoer):
    onderdeel: Examenonderdeel
    examendatum: date
    niveau: str = Field(pattern=_ERK, description="ERK-niveau van het examen, bv. B1")
    behaald: bool


class ExamenresultaatRead(ExamenresultaatCreate):
    id: UUID
    gemeld_op: Tijdstip = Field(description="Wanneer de aanbieder het meldde")


class Gemeld(ApiModel):
    id: UUID


class AfrondingCreate(ApiInvoer):
    einddatum: date


class UitvalCreate(ApiInvoer):
    einddatum: date
    reden: UitvalReden


class SamenwerkingsverbandRead(ApiModel):
    id: UUID
    naam: str
    leerroute: Leerroute
    lead_gemeentecode: str = Field(
        description="CBS-code van de gemeente die inkoopt en het contractbeheer voert"
    )
    leden: list[str] = Field(description="CBS-codes van de gemeenten die vandaag lid zijn")
    toewijzingsbeleid: Toewijzingsbeleid = Field(
        description="Hoe een plaatsing een contract krijgt: voorkeursvolgorde, rotatie of locatie"
    )
    periode_start: date | None = None
    periode_eind: date | None = None


class ToewijzingsbeleidUpdate(ApiInvoer):
    toewijzingsbeleid: Toewijzingsbeleid


class Perceel(ApiInvoer):
    code: VrijeTekst = Field(min_length=1, max_length=40, description="Kenmerk van het perceel")
    naam: VrijeTekst = Field(min_length=1, max_length=200)


class ContractRead(ApiModel):
    id: UUID
    samenwerkingsverband_id: UUID
    aanbieder_kvk: str
    leerroute: Leerroute
    doelgroep: Doelgroep | None = Field(
        None, description="Leeg: het perceel is voor elke doelgroep"
    )
    perceel: Perceel | None = None
    periode_start: date | None = None
    periode_eind: date | None = None
    verlengingsopties: int | None = None
    capaciteit: int
    geplaatst: int
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal | None = Field(description="Euro per prijseenheid")
    status: ContractStatus
    versie: int


class KeurmerkRead(ApiModel):
    status: KeurmerkStatus
    nummer: str | None
    geldig_van: date | None
    geldig_tot: date | None


class AanbiederRead(ApiModel):
    kvk: str
    naam: str
    keurmerk: KeurmerkRead | None = Field(
        description="Blik op Werk Keurmerk Inburgeren; leeg zonder keurmerk (taalschakel)"
    )
    taalschakel: bool = Field(description="Erkend voor het taalschakeltraject (onderwijsroute)")
    locaties: list[str] = Field(
        description="CBS-codes van de gemeenten waar de aanbieder lesgeeft (toewijzing `locatie`)"
    )
    duo_instellingsnummer: str | None = Field(
        None, description="Het nummer waaronder DUO de instelling kent (inburgeringsaanbod)"
    )
    contact: AanbiederContact | None = None


class AanbiederContact(ApiInvoer):
    """Het loket van de aanbieder voor het portaal: een organisatieadres, geen persoon."""

    email: str | None = Field(None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
    telefoon: str | None = Field(None, max_length=20, pattern=r"^\+?[0-9 \-]{6,19}$")


class LocatiesUpdate(ApiInvoer):
    gemeentecodes: list[Gemeentecode] = Field(max_length=400)


class KeurmerkUpdate(ApiInvoer):
    status: KeurmerkStatus
    nummer: str | None = Field(None, max_length=30)
    geldig_van: date | None = None
    geldig_tot: date | None = None


class Aandeel(ApiInvoer):
    gemeentecode: Gemeentecode
    capaciteit: int = Field(ge=0, le=MAX_AANTAL)


class ContractUpdate(ApiInvoer):
    """Alleen de genoemde voorwaarden veranderen; elke wijziging wordt een nieuwe versie."""

    capaciteit: int | None = Field(None, ge=0, le=MAX_AANTAL)
    prijs_bedrag: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    status: ContractStatus | None = None
    periode_eind: date | None = Field(None, description="Een andere einddatum (geen verlenging)")
    verlengen_tot: date | None = Field(
        None,
        description=(
            "Licht één verlengingsoptie: het contract loopt tot deze dag en heet dan `verlengd`"
        ),
    )
    verlengingsopties: int | None = Field(None, ge=0, le=MAX_AANTAL)
    aandelen: list[Aandeel] | None = Field(
        None, description="Capaciteit per gemeente; een lege lijst heft de aandelen op"
    )
    toelichting: str | None = Field(None, max_length=500)


class ContractVersieRead(ApiModel):
    versie: int
    capaciteit: int
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal | None
    status: ContractStatus
    periode_start: date
    periode_eind: date
    verlengingsopties: int
    aandelen: list[Aandeel]
    toelichting: str | None
    gewijzigd_op: Tijdstip


class GemeenteAantal(ApiModel):
    gemeentecode: str
    plaatsingen: int


class BenuttingTijdvak(ApiModel):
    periode: str = Field(description="Bv. 2026-03 (maand), 2026-K1 (kwartaal) of 2026 (jaar)")
    van: date = Field(description="Eerste dag, binnen de gevraagde periode")
    tot: date = Field(description="Laatste dag, binnen de gevraagde periode")
    plaatsingen: int
    per_gemeente: list[GemeenteAantal]


class BenuttingRead(ApiModel):
    contract_id: UUID
    samenwerkingsverband_id: UUID
    aanbieder_kvk: str
    leerroute: Leerroute
    capaciteit: int
    geplaatst: int = Field(description="Bezette plaatsen nu")
    bezetting_procent: float
    plaatsingen_in_periode: int
    per_gemeente: list[GemeenteAantal] = Field(description="Plaatsingen in de periode")
    per_periode: list[BenuttingTijdvak] | None = Field(
        None, description="Plaatsingen per maand, kwartaal of jaar; alleen met `periode`"
    )


class UitgavenContract(ApiModel):
    contract_id: UUID
    aanbieder_kvk: str
    leerroute: Leerroute
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal | None
    eenheden: Decimal = Field(description="Gestarte trajecten, aanwezige uren of modules")
    bedrag: Decimal


class UitgavenEenheid(ApiModel):
    prijs_eenheid: PrijsEenheid
    eenheden: Decimal
    bedrag: Decimal


class UitgavenTijdvak(ApiModel):
    periode: str = Field(description="Bv. 2026-03 (maand), 2026-K1 (kwartaal) of 2026 (jaar)")
    van: date
    tot: date
    per_prijs_eenheid: list[UitgavenEenheid]
    bedrag: Decimal = Field(description="Alle prijseenheden samen")


class UitgavenRead(ApiModel):
    per_prijs_eenheid: list[UitgavenEenheid]
    per_contract: list[UitgavenContract]
    per_periode: list[UitgavenTijdvak] | None = Field(
        None, description="Uitgaven per maand, kwartaal of jaar; alleen met `periode`"
    )


class WachtlijstRead(ApiModel):
    samenwerkingsverband_id: UUID
    gemeentecode: str
    leerroute: Leerroute
    aantal: int
    langst_wachtend_sinds: Tijdstip


class LidmaatschapCreate(ApiInvoer):
    gemeentecode: Gemeentecode
    rollen: list[LidRol] = Field(
        default_factory=lambda: [LidRol.UITVOERING],
        min_length=1,
        max_length=3,
        description="inkoop, contractbeheer en/of uitvoering",
    )
    ingangsdatum: date = Field(description="Vanaf deze dag plaatst het verband voor de gemeente")


class LidmaatschapRead(ApiModel):
    gemeentecode: str
    rollen: list[LidRol]
    ingangsdatum: date
    einddatum: date | None = Field(
        description="Vanaf deze dag is de gemeente geen lid meer; lopende plaatsingen blijven"
    )


class LidmaatschapUpdate(ApiInvoer):
    einddatum: date = Field(description="De dag waarop de gemeente uittreedt")


class SamenwerkingsverbandCreate(ApiInvoer):
    naam: VrijeTekst = Field(min_length=1, max_length=200)
    leerroute: Leerroute = Field(description="Eén samenwerkingsverband per leerroute")
    lead_gemeentecode: Gemeentecode = Field(
        description="De centrumgemeente die inkoopt en de contracten beheert"
    )
    periode_start: date
    periode_eind: date
    leden: list[LidmaatschapCreate] = Field(default_factory=list, max_length=400)
    toewijzingsbeleid: Toewijzingsbeleid = Toewijzingsbeleid.VOORKEURSVOLGORDE


class AanbiederCreate(ApiInvoer):
    kvk: str = Field(pattern=r"^[0-9]{8}$", description="KvK-nummer")
    naam: VrijeTekst = Field(min_length=1, max_length=200)
    keurmerk: KeurmerkUpdate | None = Field(
        None, description="Blik op Werk Keurmerk Inburgeren; leeg voor een taalschakelinstelling"
    )
    taalschakel: bool = False
    duo_instellingsnummer: str | None = Field(None, pattern=r"^[0-9A-Za-z]{10}$")
    locaties: list[Gemeentecode] = Field(default_factory=list, max_length=400)
    contact: AanbiederContact | None = None


class ContractCreate(ApiInvoer):
    samenwerkingsverband_id: UUID
    aanbieder_kvk: str = Field(pattern=r"^[0-9]{8}$")
    perceel: Perceel | None = None
    doelgroep: Doelgroep | None = Field(None, description="Leeg: voor elke doelgroep")
    capaciteit: int = Field(ge=0, le=MAX_AANTAL)
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    periode_start: date
    periode_eind: date
    verlengingsopties: int = Field(0, ge=0, le=100)
    aandelen: list[Aandeel] = Field(default_factory=list, max_length=400)
    status: ContractStatus = ContractStatus.ACTIEF
    toelichting: VrijeTekst | None = Field(None, max_length=500)


class ContractregisterResultaat(ApiModel):
    aangemaakt: int = Field(description="Nieuwe contracten")
    ongewijzigd: int = Field(description="Regels die al met dezelfde voorwaarden bestonden")
    aanbieders_geregistreerd: int = Field(description="Aanbieders die nieuw zijn geregistreerd")
