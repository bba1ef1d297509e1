from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import Field

from inburgering.routes.domain.beleid import Beleidsbron
from inburgering.routes.domain.taal import Alfabetisering, Taalniveau
from inburgering.routes.domain.wijziging import Wijzigingsgrond
from inburgering.shared.events.routes import Vaardigheid
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip

Motivering = Field(max_length=4000, description="De feiten en afweging achter het besluit")


class VaststellingCreate(ApiInvoer):
    leerroute: Leerroute | None = Field(
        None,
        description=(
            "De vast te stellen leerroute. Weglaten bevestigt het advies; is er geen advies, "
            "dan is dit veld verplicht."
        ),
    )
    motivering: str | None = Field(
        None,
        max_length=4000,
        description="Verplicht bij afwijken van het advies en wanneer er geen advies is.",
    )


class WijzigingCreate(ApiInvoer):
    leerroute: Leerroute = Field(description="De nieuwe leerroute")
    grond: Wijzigingsgrond = Field(
        Wijzigingsgrond.VOORTGANG,
        description=(
            "`voortgang` (onvoldoende of betere voortgang, binnen 18 maanden na aanvang van de "
            "termijn) of `niet-vrijstellende-opleiding` (na afronding of uitval van een "
            "aangewezen niet-vrijstellende opleiding, ook daarna)"
        ),
    )
    motivering: str = Motivering


class AfschalingCreate(ApiInvoer):
    vaardigheden: list[Vaardigheid] = Field(
        min_length=1, max_length=4, description="De vaardigheden die naar A2 gaan"
    )
    motivering: str = Motivering


class BeleidRead(ApiModel):
    onderwijsroute_max_leeftijd: int | None = Field(
        description="Onderwijsroute alleen onder deze leeftijd; leeg bij adviezen van vóór 0.2.0"
    )
    ingangsdatum: date | None = Field(description="Leeg: het standaardbeleid van de dienst")
    bron: Beleidsbron | None = Field(
        None,
        description=(
            "Wie het beleid vaststelde: `gemeente` (eigen beleid gaat voor), "
            "`samenwerkingsverband` of `standaard` (het platform); leeg bij adviezen van vóór 0.3.0"
        ),
    )
    samenwerkingsverband_id: UUID | None = Field(
        None, description="Bij bron `samenwerkingsverband`: het samenwerkingsverband"
    )


class BeleidCreate(ApiInvoer):
    onderwijsroute_max_leeftijd: int = Field(ge=0, le=130)
    ingangsdatum: date = Field(description="Op zijn vroegst morgen: beleid werkt niet terug")


class GemeentebeleidRead(ApiModel):
    gemeentecode: str
    geldend: BeleidRead = Field(description="Het beleid dat vandaag geldt")
    versies: list[BeleidRead]


class TermijnSamenvatting(ApiModel):
    startdatum: date
    einddatum: date
    routewijziging_venster_sluit: date = Field(
        description="Vanaf deze dag kan de leerroute niet meer wijzigen, behalve naar B1"
    )
    verlengingsvenster_opent: date = Field(
        description="Vanaf deze dag kan verlenging worden aangevraagd"
    )


class LeerrouteAdviesRead(ApiModel):
    id: UUID
    inburgeraar_id: UUID
    gemeentecode: str
    geadviseerde_leerroute: Leerroute | None = Field(
        description="Leeg wanneer de regels geen advies geven en een persoon beslist"
    )
    regel: str = Field(description="De toegepaste regel, bv. `R-B1-HAALBAAR`")
    regelset_versie: str
    beleid: BeleidRead = Field(description="Het gemeentelijk beleid waarmee het advies is berekend")
    alfabetisering: Alfabetisering | None = Field(description="A, AA of NVT; leeg zolang onbekend")
    uitleg: list[str] = Field(description="De gebruikte feiten en de toegepaste regel, leesbaar")
    status: Literal["geadviseerd", "vastgesteld"]
    vastgestelde_leerroute: Leerroute | None = Field(
        description="De huidige leerroute: de vastgestelde, na wijzigingen"
    )
    taalniveaus: dict[Vaardigheid, Taalniveau] = Field(
        description="Beoogd niveau per vaardigheid: B1, tenzij afgeschaald naar A2"
    )
    motivering: str | None
    geadviseerd_op: Tijdstip
    vastgesteld_op: Tijdstip | None
    gewijzigd_op: Tijdstip | None
    termijn: TermijnSamenvatting | None = Field(
        description="Leeg tot het eerste PIP is vastgesteld"
    )


class WijzigingRead(ApiModel):
    id: UUID
    soort: Literal["wijziging", "afschaling"]
    vorige_leerroute: Leerroute
    leerroute: Leerroute
    grond: Wijzigingsgrond | None
    vaardigheden: list[Vaardigheid] | None = Field(description="Bij afschaling: naar A2")
    nt2_uren: float | None = Field(description="Bij afschaling: de getelde NT2-uren")
    motivering: str
    ingangsdatum: date
    besloten_op: Tijdstip


class VerlengingRead(ApiModel):
    vorige_einddatum: date
    nieuwe_einddatum: date
    verwerkt_op: Tijdstip


class SignaalRead(ApiModel):
    naam: str = Field(description="Het event dat op deze dag wordt gepubliceerd")
    datum: date


class InburgeringstermijnRead(ApiModel):
    inburgeraar_id: UUID
    gemeentecode: str
    bron: Literal["pip", "duo"] = Field(
        description=(
            "pip: gestart door het eerste PIP van deze gemeente; duo: zoals DUO de termijn meldt, "
            "bij wie met het PIP van een vorige gemeente verhuisde"
        )
    )
    dagtekening_eerste_pip: date | None = Field(
        description="Leeg als het eerste PIP niet door deze gemeente is vastgesteld"
    )
    startdatum: date
    oorspronkelijke_einddatum: date
    einddatum: date
    routewijziging_venster_sluit: date
    routewijziging_mogelijk: bool = Field(description="Vandaag binnen 18 maanden na de start")
    verlengingsvenster_opent: date
    verlengingsvenster_open: bool = Field(description="Vandaag kan verlenging worden aangevraagd")
    signalen: list[SignaalRead]
    verlengingen: list[VerlengingRead]
