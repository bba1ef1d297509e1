"""The statistics as the API shows them: counts only, a suppressed count as `aantal` null with
`onderdrukt` true."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from inburgering.contracts.domain.statistiek import Cohortperiode, PijplijnStatus, Weergave
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.http.schemas import ApiModel

_AANTAL = "Leeg als het aantal is onderdrukt"
_ONDERDRUKT = (
    "Het aantal is verborgen: 1 tot en met 4 in een weergave over gemeenten heen, of verborgen "
    "opdat het niet uit een totaal af te leiden is"
)


class StatistiekAantal(ApiModel):
    aantal: int | None = Field(description=_AANTAL)
    onderdrukt: bool = Field(description=_ONDERDRUKT)


class StatistiekGemeente(StatistiekAantal):
    gemeentecode: str


class StatistiekLeerroute(StatistiekAantal):
    leerroute: Leerroute | None = Field(description="Leeg: nog geen leerroute vastgesteld")


class StatistiekDoelgroep(StatistiekAantal):
    doelgroep: Doelgroep | None = Field(description="Leeg: doelgroep (nog) niet bekend")


class StatistiekCohort(StatistiekAantal):
    cohort: str | None = Field(
        description="Maand (`2026-03`) of kwartaal (`2026-K1`) van het eerste PIP; leeg: nog "
        "geen PIP"
    )


class StatistiekStatus(StatistiekAantal):
    status: PijplijnStatus


class StatistiekCel(ApiModel):
    """Eén combinatie van kenmerken met haar aantal; alleen in de eigen weergave."""

    gemeentecode: str
    leerroute: Leerroute | None
    doelgroep: Doelgroep | None
    cohort: str | None
    status: PijplijnStatus
    aantal: int


class InburgeraarsStatistiekRead(ApiModel):
    weergave: Weergave = Field(
        description="`eigen` (de eigen gemeentecodes), `samenwerkingsverband` (de leden op de "
        "peildatum) of `provincie` (alle gemeenten)"
    )
    kleine_aantallen_onderdrukt: bool = Field(
        description="Of de regels voor kleine aantallen gelden: in elke weergave over gemeenten "
        "heen wel, in de eigen weergave van een gemeente niet"
    )
    samenwerkingsverband_id: UUID | None
    peildatum: date | None = Field(description="Datum waarop de leden van het verband tellen")
    cohort_periode: Cohortperiode
    totaal: StatistiekAantal
    per_gemeente: list[StatistiekGemeente]
    per_leerroute: list[StatistiekLeerroute]
    per_doelgroep: list[StatistiekDoelgroep]
    per_cohort: list[StatistiekCohort]
    per_status: list[StatistiekStatus]
    cellen: list[StatistiekCel] | None = Field(
        description="Alle combinaties van gemeente, leerroute, doelgroep, cohort en status met "
        "hun aantal (zonder nullen); alleen in de eigen weergave"
    )


class MedianeDuur(ApiModel):
    dagen: float | None = Field(
        description="Mediaan van het aantal dagen van start tot einde van de afgeronde "
        "plaatsingen; leeg zonder afgeronde of als zij is onderdrukt"
    )
    onderdrukt: bool = Field(
        description="Verborgen over minder dan 5 afgeronde plaatsingen, of omdat hun aantal "
        "verborgen is (alleen in een weergave over gemeenten heen)"
    )


class StatistiekUitkomsten(ApiModel):
    afgerond: StatistiekAantal
    uitgevallen: StatistiekAantal
    beeindigd_door_routewijziging: StatistiekAantal = Field(
        description="Ingetrokken of beëindigd omdat de leerroute wijzigde"
    )
    lopend: StatistiekAantal = Field(description="Gestart en nog niet beëindigd")
    mediane_duur: MedianeDuur


class UitkomstenLeerroute(StatistiekUitkomsten):
    leerroute: Leerroute


class UitkomstenGemeente(StatistiekUitkomsten):
    gemeentecode: str


class UitkomstenContract(StatistiekUitkomsten):
    contract_id: UUID | None = Field(description="Leeg: ingetrokken van de wachtlijst")
    aanbieder_kvk: str | None
    leerroute: Leerroute


class UitkomstenStatistiekRead(ApiModel):
    weergave: Weergave
    kleine_aantallen_onderdrukt: bool
    samenwerkingsverband_id: UUID | None
    totaal: StatistiekUitkomsten
    per_leerroute: list[UitkomstenLeerroute]
    per_gemeente: list[UitkomstenGemeente] | None = Field(
        description="In de eigen weergave en de provinciale"
    )
    per_contract: list[UitkomstenContract] | None = Field(
        description="Alleen voor een samenwerkingsverband: zijn contracten"
    )
