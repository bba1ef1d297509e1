from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request

from inburgering.routes.api.dependencies import NuDep, vereis_namens
from inburgering.routes.api.schemas import BeleidCreate, BeleidRead, GemeentebeleidRead
from inburgering.routes.domain.beleid import Beleidsbron
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.handlers import beleid as beleidsversies
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.shared.persistence import UnitOfWork

router = APIRouter(prefix="/gemeentebeleid", tags=["Gemeentebeleid"])

Gemeentecode = Annotated[str, Path(pattern=r"^GM\d{4}$", description="CBS-code, bv. GM0772")]


async def _lees(
    uow: UnitOfWork, gemeentecode: str, request: Request, nu: datetime
) -> GemeentebeleidRead:
    standaard = request.app.state.standaardbeleid
    geldend = await beleidsversies.geldend_beleid(uow, gemeentecode, vandaag(nu), standaard)
    versies = await beleidsversies.beleidsversies(uow, gemeentecode)
    return GemeentebeleidRead(
        gemeentecode=gemeentecode,
        geldend=BeleidRead(
            onderwijsroute_max_leeftijd=geldend.onderwijsroute_max_leeftijd,
            ingangsdatum=geldend.ingangsdatum,
            bron=geldend.bron,
            samenwerkingsverband_id=geldend.samenwerkingsverband_id,
        ),
        versies=[
            BeleidRead(
                onderwijsroute_max_leeftijd=v["onderwijsroute_max_leeftijd"],
                ingangsdatum=v["ingangs_date"],
                bron=Beleidsbron.GEMEENTE,
            )
            for v in versies
        ],
    )


@router.get(
    "/{gemeentecode}",
    response_model=GemeentebeleidRead,
    responses=problem_responses(400, 401, 403),
)
async def geef_gemeentebeleid(
    gemeentecode: Gemeentecode,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
    request: Request,
) -> GemeentebeleidRead:
    """Het beleid waarmee de leerrouteregels voor deze gemeente vandaag rekenen (eigen beleid,
    anders dat van haar samenwerkingsverband, anders het standaardbeleid), met de eigen versies.

    Rollen: `gemeente` en `regio`, voor de eigen gemeentecodes."""
    vereis_namens(principal, [gemeentecode])
    async with uow:
        return await _lees(uow, gemeentecode, request, nu)


@router.post(
    "/{gemeentecode}",
    response_model=GemeentebeleidRead,
    status_code=201,
    responses=problem_responses(400, 401, 403),
)
async def leg_gemeentebeleid_vast(
    gemeentecode: Gemeentecode,
    body: BeleidCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
    request: Request,
) -> GemeentebeleidRead:
    """Leg een nieuwe beleidsversie vast die ingaat op `ingangsdatum` (op zijn vroegst morgen).

    Gegeven adviezen behouden het beleid waarmee ze zijn berekend; een nog niet ingegane versie
    met dezelfde ingangsdatum wordt vervangen."""
    vereis_namens(principal, [gemeentecode])
    async with uow:
        await beleidsversies.leg_beleid_vast(
            uow, gemeentecode, body.onderwijsroute_max_leeftijd, body.ingangsdatum, vandaag(nu), nu
        )
    async with uow:
        return await _lees(uow, gemeentecode, request, nu)
