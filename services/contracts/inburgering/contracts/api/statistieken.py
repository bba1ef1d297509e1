"""Statistics of the region (CBS-style): counts only, never a person. A gemeente sees its own
figures as they are; every view across gemeenten hides small counts (domain/onderdrukking.py).
Placements and spend per contract are at /overzichten/benutting and /overzichten/uitgaven."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Query

from inburgering.contracts.api.statistiek_schemas import (
    InburgeraarsStatistiekRead,
    MedianeDuur,
    StatistiekAantal,
    StatistiekCel,
    StatistiekCohort,
    StatistiekDoelgroep,
    StatistiekGemeente,
    StatistiekLeerroute,
    StatistiekStatus,
    StatistiekUitkomsten,
    UitkomstenContract,
    UitkomstenGemeente,
    UitkomstenLeerroute,
    UitkomstenStatistiekRead,
)
from inburgering.contracts.domain import inburgeraarstatistiek, uitkomststatistiek
from inburgering.contracts.domain.inzage import BeheerInzage, GemeenteInzage, RegioInzage
from inburgering.contracts.domain.statistiek import Cohortperiode, Weergave
from inburgering.contracts.domain.uitkomststatistiek import Uitkomst, Uitkomstcijfers
from inburgering.contracts.handlers import statistiek_inburgeraars, statistiek_uitkomsten
from inburgering.contracts.handlers.statistiekbereik import Vrager, bepaal_bereik
from inburgering.shared.auth import CurrentPrincipal, Principal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.shared.statistiek.onderdrukking import Cijfer

router = APIRouter(prefix="/statistieken", tags=["Statistieken"])

VerbandQ = Annotated[
    UUID | None,
    Query(
        alias="samenwerkingsverbandId",
        description="Verplicht voor de rol regio: een samenwerkingsverband dat zij trekt. Beheer "
        "mag elk verband noemen; zonder ziet beheer de hele provincie. Niet voor een gemeente.",
    ),
]


def _vrager(principal: Principal) -> Vrager:
    principal.require(Rol.GEMEENTE, Rol.REGIO, Rol.BEHEER)
    if principal.rol is Rol.GEMEENTE:
        return GemeenteInzage(principal.gemeentecodes)
    if principal.rol is Rol.REGIO:
        return RegioInzage(principal.gemeentecodes)
    return BeheerInzage()


def _aantal(cijfer: Cijfer) -> dict[str, Any]:
    return {"aantal": cijfer.aantal, "onderdrukt": cijfer.onderdrukt}


Rij = TypeVar("Rij", bound=StatistiekAantal)


def _rijen(tabel: Mapping[Any, Cijfer], schema: type[Rij], dimensie: str) -> list[Rij]:
    return [schema(**{dimensie: waarde}, **_aantal(c)) for waarde, c in tabel.items()]


@router.get(
    "/inburgeraars",
    response_model=InburgeraarsStatistiekRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def inburgeraars(
    principal: CurrentPrincipal,
    uow: UowDep,
    samenwerkingsverband_id: VerbandQ = None,
    peildatum: Annotated[
        date | None,
        Query(description="Wie op deze dag lid is van het verband telt mee; standaard vandaag"),
    ] = None,
    cohort_periode: Annotated[
        Cohortperiode,
        Query(alias="cohortPeriode", description="Cohort per maand of per kwartaal"),
    ] = Cohortperiode.KWARTAAL,
) -> InburgeraarsStatistiekRead:
    """Aantallen inburgeraars per gemeente, vastgestelde leerroute, doelgroep, cohort (maand of
    kwartaal van het eerste PIP) en status (hoe ver iemand is: aangemeld, intake-afgerond,
    geadviseerd, leerroute-vastgesteld, pip-vastgesteld, voldaan of beeindigd). Een gemeente
    ziet haar eigen cijfers volledig; de trekker van een samenwerkingsverband en beheer zien
    alleen totalen, met aantallen van 1 tot en met 4 onderdrukt."""
    wie = _vrager(principal)
    async with uow:
        bereik = await bepaal_bereik(uow, wie, samenwerkingsverband_id, peildatum)
        groepen = await statistiek_inburgeraars.tel_inburgeraars(uow, bereik)
    t = inburgeraarstatistiek.tabellen(
        groepen,
        sorted(bereik.gemeentecodes or ()),
        cohort_periode,
        onderdrukken=bereik.onderdrukt,
    )
    return InburgeraarsStatistiekRead(
        weergave=bereik.weergave,
        kleine_aantallen_onderdrukt=bereik.onderdrukt,
        samenwerkingsverband_id=bereik.samenwerkingsverband_id,
        peildatum=bereik.peildatum,
        cohort_periode=cohort_periode,
        totaal=StatistiekAantal(**_aantal(t.totaal)),
        per_gemeente=_rijen(t.per_gemeente, StatistiekGemeente, "gemeentecode"),
        per_leerroute=_rijen(t.per_leerroute, StatistiekLeerroute, "leerroute"),
        per_doelgroep=_rijen(t.per_doelgroep, StatistiekDoelgroep, "doelgroep"),
        per_cohort=_rijen(t.per_cohort, StatistiekCohort, "cohort"),
        per_status=_rijen(t.per_status, StatistiekStatus, "status"),
        cellen=None
        if t.cellen is None
        else [
            StatistiekCel(
                gemeentecode=cel.gemeentecode,
                leerroute=cel.leerroute,
                doelgroep=cel.doelgroep,
                cohort=cel.cohort,
                status=cel.status,
                aantal=cel.aantal,
            )
            for cel in t.cellen
        ],
    )


def _uitkomsten(cijfers: Uitkomstcijfers) -> dict[str, Any]:
    per = cijfers.aantallen
    return {
        "afgerond": StatistiekAantal(**_aantal(per[Uitkomst.AFGEROND])),
        "uitgevallen": StatistiekAantal(**_aantal(per[Uitkomst.UITGEVALLEN])),
        "beeindigd_door_routewijziging": StatistiekAantal(
            **_aantal(per[Uitkomst.BEEINDIGD_DOOR_ROUTEWIJZIGING])
        ),
        "lopend": StatistiekAantal(**_aantal(per[Uitkomst.LOPEND])),
        "mediane_duur": MedianeDuur(
            dagen=cijfers.mediane_duur.dagen, onderdrukt=cijfers.mediane_duur.onderdrukt
        ),
    }


@router.get(
    "/uitkomsten",
    response_model=UitkomstenStatistiekRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def uitkomsten(
    principal: CurrentPrincipal, uow: UowDep, samenwerkingsverband_id: VerbandQ = None
) -> UitkomstenStatistiekRead:
    """Uitkomsten van plaatsingen per leerroute: afgerond, uitgevallen, beëindigd door een
    routewijziging en lopend, met de mediane duur in dagen van de afgeronde. Ook per gemeente
    (een gemeente haar eigen, beheer alle) of per contract (de trekker van een
    samenwerkingsverband, over de plaatsingen van dat verband). Over gemeenten heen zijn
    aantallen van 1 tot en met 4, en medianen over minder dan 5 plaatsingen, onderdrukt."""
    wie = _vrager(principal)
    async with uow:
        bereik = await bepaal_bereik(uow, wie, samenwerkingsverband_id, None)
        aflopen = await statistiek_uitkomsten.aflopen(uow, bereik)
        contracten = (
            await statistiek_uitkomsten.contracten_van(uow, bereik.samenwerkingsverband_id)
            if bereik.weergave is Weergave.SAMENWERKINGSVERBAND
            and bereik.samenwerkingsverband_id is not None
            else None
        )
    t = uitkomststatistiek.tabellen(
        aflopen,
        gemeenten=None if contracten is not None else sorted(bereik.gemeentecodes or ()),
        contracten=None
        if contracten is None
        else [(cid, route) for cid, (route, _) in contracten.items()],
        onderdrukken=bereik.onderdrukt,
    )
    return UitkomstenStatistiekRead(
        weergave=bereik.weergave,
        kleine_aantallen_onderdrukt=bereik.onderdrukt,
        samenwerkingsverband_id=bereik.samenwerkingsverband_id,
        totaal=StatistiekUitkomsten(**_uitkomsten(t.totaal)),
        per_leerroute=[
            UitkomstenLeerroute(leerroute=route, **_uitkomsten(c))
            for route, c in t.per_leerroute.items()
        ],
        per_gemeente=None
        if t.per_gemeente is None
        else [
            UitkomstenGemeente(gemeentecode=code, **_uitkomsten(c))
            for code, c in t.per_gemeente.items()
        ],
        per_contract=None
        if t.per_contract is None or contracten is None
        else [
            UitkomstenContract(
                contract_id=cid,
                aanbieder_kvk=contracten[cid][1] if cid in contracten else None,
                leerroute=route,
                **_uitkomsten(c),
            )
            for (cid, route), c in t.per_contract.items()
        ],
    )
