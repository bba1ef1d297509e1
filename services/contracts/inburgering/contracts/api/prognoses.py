"""The demand forecast per samenwerkingsverband for its lead, and the influx each gemeente
expects (its input)."""

from __future__ import annotations

import csv
import io
from datetime import date
from fractions import Fraction
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Header, Path, Query, Response

from inburgering.contracts.api.dependencies import contractbeheer_inzage
from inburgering.contracts.api.prognose_schemas import (
    ComponentRead,
    InstroomverwachtingRead,
    InstroomverwachtingUpdate,
    KansRead,
    KwartaalRead,
    PrognoseRead,
    TekortRead,
)
from inburgering.contracts.domain.prognose import Instroom, Prognose
from inburgering.contracts.handlers import instroom, prognose
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(tags=["Vraagprognose"])
CSV = "text/csv"


def _getal(waarde: Fraction, decimalen: int = 2) -> float:
    return round(float(waarde), decimalen)


def _read(verband_id: UUID, peildatum: date, uitkomst: Prognose) -> PrognoseRead:
    return PrognoseRead(
        samenwerkingsverband_id=verband_id,
        leerroute=uitkomst.leerroute,
        peildatum=peildatum,
        kwartalen=[
            KwartaalRead(
                kwartaal=str(k.kwartaal),
                vraag=_getal(k.vraag),
                cumulatieve_vraag=_getal(k.cumulatieve_vraag),
                vrije_plaatsen=_getal(k.vrije_plaatsen),
                verlengbaar=_getal(k.verlengbaar),
                onvervuld=_getal(k.onvervuld),
                tekort=k.tekort,
                componenten=[
                    ComponentRead(
                        bron=c.bron,
                        gemeentecode=c.gemeentecode,
                        doelgroep=c.doelgroep,
                        aantal=c.aantal,
                        factor=_getal(c.factor, 4),
                        verwachting=_getal(c.verwachting),
                        kansen=[
                            KansRead(
                                naam=naam,
                                waarde=_getal(kans.waarde, 4),
                                bron=kans.bron,
                                waarnemingen=kans.waarnemingen,
                            )
                            for naam, kans in c.kansen.items()
                        ],
                    )
                    for c in k.componenten
                ],
            )
            for k in uitkomst.kwartalen
        ],
        eerste_tekort=(
            TekortRead(
                kwartaal=str(uitkomst.eerste_tekort.kwartaal), tekort=uitkomst.eerste_tekort.tekort
            )
            if uitkomst.eerste_tekort
            else None
        ),
    )


def _csv(gelezen: PrognoseRead) -> str:
    """One line per component, with the quarter's totals, for the procurement team's sheet."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(
        ["kwartaal", "bron", "gemeentecode", "doelgroep", "aantal", "factor", "verwachting",
         "vraag_kwartaal", "vrije_plaatsen", "verlengbaar", "tekort"]
    )  # fmt: skip
    for k in gelezen.kwartalen:
        totaal = [k.vraag, k.vrije_plaatsen, k.verlengbaar, k.tekort]
        for c in k.componenten:
            schrijver.writerow(
                [k.kwartaal, c.bron, c.gemeentecode, c.doelgroep or "", c.aantal, c.factor,
                 c.verwachting, *totaal]
            )  # fmt: skip
        if not k.componenten:
            schrijver.writerow([k.kwartaal, "", "", "", 0, "", 0, *totaal])
    return uit.getvalue()


@router.get(
    "/samenwerkingsverbanden/{samenwerkingsverband_id}/prognose",
    response_model=PrognoseRead,
    responses={
        200: {"content": {CSV: {"schema": {"type": "string"}}}},
        **problem_responses(400, 401, 403, 404),
    },
)
async def geef_prognose(
    samenwerkingsverband_id: UUID,
    principal: CurrentPrincipal,
    uow: UowDep,
    kwartalen: Annotated[int, Query(ge=4, le=8, description="Kwartalen vooruit")] = 6,
    peildatum: Annotated[date | None, Query(description="Standaard vandaag")] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> PrognoseRead | Response:
    """De verwachte vraag naar cursusplaatsen per kwartaal tegenover de vrije plaatsen van de
    contracten, voor de trekker (rol regio) of beheer. Elk getal noemt zijn onderdelen: de
    wachtlijst, vastgestelde en geadviseerde leerroutes en aanmeldingen van de leden, de
    instroom die de leden verwachten, en de kansen waarmee die tellen (met hun bron: eigen
    besluiten van de gemeente of de regio, of de standaard zolang er te weinig zijn). Met
    `Accept: text/csv` als CSV voor het inkoopteam."""
    wie = contractbeheer_inzage(principal)
    dag = peildatum or vandaag()
    async with uow:
        _, uitkomst = await prognose.geef(uow, samenwerkingsverband_id, wie, dag, kwartalen)
    gelezen = _read(samenwerkingsverband_id, dag, uitkomst)
    if accept and CSV in accept:
        return Response(
            _csv(gelezen),
            media_type=f"{CSV}; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="prognose.csv"'},
        )
    return gelezen


Halfjaar = Annotated[
    str, Path(pattern=r"^20[0-9]{2}-H[12]$", description="Bv. 2027-H1 (januari tot en met juni)")
]
Gemeente = Annotated[str, Path(pattern=r"^GM[0-9]{4}$")]


@router.put(
    "/instroomverwachtingen/{gemeentecode}/{halfjaar}",
    response_model=InstroomverwachtingRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def leg_instroomverwachting_vast(
    gemeentecode: Gemeente,
    halfjaar: Halfjaar,
    body: InstroomverwachtingUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
) -> InstroomverwachtingRead:
    """De instroom die de gemeente in een halfjaar verwacht: de taakstelling huisvesting
    vergunninghouders en een eigen schatting van gezinsmigranten (alleen de eigen gemeente).
    Vervangt een eerdere opgave; de vraagprognose van elk samenwerkingsverband waarvan zij lid
    is telt ermee."""
    principal.require(Rol.GEMEENTE)
    principal.require_gemeente(gemeentecode)
    verwachting = Instroom(gemeentecode, halfjaar, body.asielstatushouders, body.gezinsmigranten)
    async with uow:
        await instroom.leg_vast(uow, verwachting)
    return InstroomverwachtingRead(**verwachting.__dict__)


@router.get(
    "/instroomverwachtingen",
    response_model=list[InstroomverwachtingRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_instroomverwachtingen(
    principal: CurrentPrincipal, uow: UowDep
) -> list[InstroomverwachtingRead]:
    """De opgaven van de eigen gemeenten, oudste halfjaar eerst."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        verwachtingen = await instroom.van(uow, principal.gemeentecodes)
    return [InstroomverwachtingRead(**v.__dict__) for v in verwachtingen]
