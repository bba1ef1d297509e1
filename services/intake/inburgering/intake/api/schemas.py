from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from inburgering.intake.api.contactgegevens_schemas import ContactgegevensSchrijven
from inburgering.intake.domain.brede_intake import Taalniveau, Zelfredzaamheid
from inburgering.intake.domain.errors import OngeldigBsn
from inburgering.intake.domain.leerbaarheidstoets import Beperking
from inburgering.intake.domain.model import valideer_bsn
from inburgering.shared.events.vocabulary import (
    Alfabetisering,
    Ambitie,
    Doelgroep,
    Gemeentecode,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip


def _elfproef(bsn: str) -> str:
    try:
        return valideer_bsn(bsn)
    except OngeldigBsn as exc:
        # The message only, never the number: the 400 names the field, not its value.
        raise PydanticCustomError("ongeldig-bsn", exc.detail) from None


Bsn = Annotated[
    str,
    Field(
        json_schema_extra={"pattern": "^[0-9]{9}$", "minLength": 9, "maxLength": 9},
        description="Burgerservicenummer: precies 9 cijfers (0-9) die aan de elfproef voldoen.",
    ),
    AfterValidator(_elfproef),
]


class ZoekOpBsn(ApiInvoer):
    """In de body, nooit in een URL: een BSN hoort niet in logs van proxies en servers."""

    bsn: Bsn = Field(
        description="Burgerservicenummer (9 cijfers, elfproef); wordt nergens bewaard of "
        "teruggegeven.",
        json_schema_extra={"writeOnly": True},
    )


class InburgeraarCreate(ApiInvoer):
    bsn: Bsn = Field(
        description="Burgerservicenummer (9 cijfers, elfproef); wordt versleuteld opgeslagen en "
        "nooit teruggegeven.",
        json_schema_extra={"writeOnly": True},
    )
    gemeentecode: Gemeentecode
    doelgroep: Doelgroep
    geboortedatum: date
    contactgegevens: ContactgegevensSchrijven | None = Field(
        None,
        description="Naam en adres (optioneel; later via PUT .../contactgegevens); versleuteld "
        "opgeslagen en alleen te lezen via `.../contactgegevens`.",
        json_schema_extra={"writeOnly": True},
    )


class VerhuizingRead(ApiModel):
    van_gemeentecode: str | None = Field(description="Leeg als DUO geen vorige gemeente noemde")
    naar_gemeentecode: str
    gevestigd_op: date
    gebeurtenis_id: str = Field(description="DUO's gebeurtenis: SS120 of SS121")


class InburgeraarRead(ApiModel):
    id: UUID
    gemeentecode: str
    doelgroep: Doelgroep
    geboortedatum: date | None = Field(
        description="Leeg als DUO de persoon meldde: DUO's API's geven geen geboortedatum"
    )
    aangemeld_op: Tijdstip
    status: str = Field(
        description="aangemeld, actief, tijdelijk-vrijgesteld, beeindigd of voldaan"
    )
    regime: str = Field(description="wi2021 of wi2013")
    bron: str = Field(description="gemeente (handmatig aangemeld) of duo (notificatie)")
    kennisgevingsdatum: date | None = None
    vestigingsdatum: date | None = None
    verhuisd: bool = False
    vorige_gemeentecode: str | None = None
    vergrendelde_leerroute: Leerroute | None = None
    termijn_startdatum: date | None = None
    termijn_einddatum: date | None = None
    verhuizingen: list[VerhuizingRead] = Field(
        default_factory=list, description="Elke vestiging na een verhuizing, oudste eerst"
    )


_TEKST = 4000


class GezondheidGegevens(ApiInvoer):
    """Bijzonder persoonsgegeven (Wi art. 37): apart en versleuteld opgeslagen."""

    lichamelijk: str | None = Field(None, max_length=_TEKST)
    psychisch: str | None = Field(None, max_length=_TEKST)
    gevolgen_voor_inburgering: str | None = Field(None, max_length=_TEKST)


class BredeIntakeInhoud(ApiInvoer):
    """What the brede intake records besides the LBT; all optional for older clients."""

    leerbaarheidstoets_beperking: Beperking | None = Field(
        None, description="Alleen bij 'niet-afgenomen-beperking': visueel of auditief"
    )
    opleiding: str | None = Field(
        None, max_length=_TEKST, description="Eerdere opleiding, ook in het land van herkomst"
    )
    werkervaring_jaren: int | None = Field(None, ge=0, le=80)
    werkervaring: str | None = Field(
        None, max_length=_TEKST, description="Werkervaring, ook in het land van herkomst"
    )
    taalniveau: Taalniveau | None = Field(None, description="Niveau Nederlands (ERK)")
    zelfredzaamheid: Zelfredzaamheid | None = Field(
        None, description="Trede van de Zelfredzaamheid-Matrix"
    )
    vve_aantal_kinderen: int | None = Field(
        None, ge=0, le=30, description="Kinderen voor wie voor- of vroegschoolse educatie speelt"
    )
    vve_mogelijkheden: str | None = Field(None, max_length=_TEKST)
    mogelijkheden_werk_en_participatie: str | None = Field(None, max_length=_TEKST)
    alfabetisering: Alfabetisering | None = Field(
        None,
        description="A (analfabeet), AA (anders gealfabetiseerd) of NVT (gealfabetiseerd in het "
        "Latijnse schrift); DUO's indicatorAlfabetiseringsonderwijs bij het inburgeringsaanbod",
    )
    recht_op_alleen_spreken_meegedeeld: bool | None = Field(
        None,
        description="De inburgeraar hoorde het gesprek zonder partner te mogen voeren (Bi art. "
        "5.2); `false` wordt geweigerd. Verplicht vanaf INTAKE_RECHT_OP_ALLEEN_SPREKEN_VERPLICHT_"
        "VANAF (standaard 2027-03-01); daarvoor wordt een ontbrekende waarde als onbekend "
        "vastgelegd (clients van voor dit veld).",
    )


class BredeIntakeCreate(BredeIntakeInhoud):
    leerbaarheidstoets: LeerbaarheidstoetsUitslag | None = Field(
        None,
        description="Uitslag, of niet afgenomen wegens een beperking. Met score en afnamedatum "
        "volgt de uitslag uit de cesuur op die datum (31, vanaf 2023-04-12 28); een opgegeven "
        "uitslag die daarvan afwijkt is een 400.",
    )
    leerbaarheidstoets_score: int | None = Field(None, ge=0, le=40, description="Score van 40")
    leerbaarheidstoets_datum: date | None = Field(
        None,
        description="Afnamedatum van de toets",
        # The API Design Rules want the format on the field itself, not only inside anyOf.
        json_schema_extra={"format": "date"},
    )
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    afgerond_datum: date
    geboortedatum: date | None = Field(
        None, description="Alleen nodig als de geboortedatum van de inburgeraar nog onbekend is"
    )
    gezondheid: GezondheidGegevens | None = Field(
        None,
        description="Alleen met een token met de claim `gezondheid: true` (anders 403); nooit "
        "terug te lezen via de brede intake, alleen via `.../brede-intake/gezondheid`.",
        json_schema_extra={"writeOnly": True},
    )


class BredeIntakeRead(BredeIntakeInhoud):
    id: UUID
    inburgeraar_id: UUID
    leerbaarheidstoets: LeerbaarheidstoetsUitslag
    leerbaarheidstoets_score: int | None = None
    leerbaarheidstoets_datum: date | None = Field(None, json_schema_extra={"format": "date"})
    leerbaarheidstoets_cesuur: int | None = Field(
        None, description="De cesuur die op de afnamedatum gold"
    )
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    afgerond_datum: date


class GezondheidRead(GezondheidGegevens):
    inburgeraar_id: UUID


class DuoGebeurtenisRead(ApiModel):
    bericht_id: UUID
    gebeurtenis_id: str
    omschrijving: str
    toelichting: str | None
    geregistreerd_op: Tijdstip
    verwerkt_op: Tijdstip


class DuoNotificatieRead(ApiModel):
    bericht_id: UUID
    gemeentecode: str
    gebeurtenis_id: str
    geregistreerd_op: Tijdstip = Field(
        description="Wanneer DUO de gebeurtenis registreerde (registratieDatumTijd bij DUO)"
    )
    ontvangen_op: Tijdstip
    status: str = Field(description="ontvangen, verwerkt of geparkeerd")
    reden: str | None = Field(description="Waarom de notificatie geparkeerd is")
    pogingen: int
    laatste_fout: str | None
    inburgeraar_id: UUID | None
    verwerkt_op: Tijdstip | None


class DuoMeldingRead(ApiModel):
    status: str = Field(description="wachtend, afgeleverd, afgewezen of geparkeerd")
    pogingen: int
    laatste_fout: str | None
    volgende_poging_op: Tijdstip | None
    afgerond_op: Tijdstip | None


class InburgeringsaanbodRead(ApiModel):
    """The melding of the aanbod to DUO after the provider reported the start of the course."""

    plaatsing_id: UUID
    inburgeraar_id: UUID
    aanbieder_kvk: str
    leerroute: Leerroute
    startdatum: date = Field(description="Start van de cursus: de datum inburgeringsaanbod")
    duo_melding: DuoMeldingRead


class PipRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    versie: int
    status: str = Field(description="concept, vastgesteld of vervangen")
    leerroute: Leerroute
    niveau: str | None
    geschatte_intensiteit_b1_route: int | None
    intensiteit_pvt_uren: int | None
    intensiteit_map_uren: int | None
    aantal_voortgangsgesprekken: int | None
    begeleiding: str | None
    vve_afspraken: str | None
    dagtekening: date | None
    eerste_pip: bool | None
    duo_melding: DuoMeldingRead | None


class PipVaststellen(ApiInvoer):
    dagtekening: date
    leerroute: Leerroute | None = Field(
        None, description="Standaard de leerroute van het concept (de vastgestelde leerroute)"
    )
    niveau: Literal["A2", "B1"] | None = None
    geschatte_intensiteit_b1_route: int | None = Field(None, ge=1, le=9999)
    intensiteit_pvt_uren: int | None = Field(None, ge=12, le=9999)
    intensiteit_map_uren: int | None = Field(None, ge=0, le=9999)
    aantal_voortgangsgesprekken: int | None = Field(None, ge=0, le=100)
    begeleiding: str | None = Field(None, max_length=4000)
    vve_afspraken: str | None = Field(None, max_length=4000)


class PipTermijnWijzigen(ApiInvoer):
    wacht_op_derde: bool = Field(
        description="De gemeente wacht op informatie van een derde: de termijn staat stil"
    )
    derde_informatie_ontvangen_op: date | None = Field(
        None, description="Ontvangst van die informatie: het PIP is uiterlijk 2 weken later nodig"
    )


class PipTermijnRead(ApiModel):
    uiterlijk: date | None = Field(description="Leeg als er (nu) geen PIP-termijn loopt")
