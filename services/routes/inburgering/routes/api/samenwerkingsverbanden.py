from __future__ import annotations

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter

from inburgering.routes.api.dependencies import NuDep, vereis_namens
from inburgering.routes.api.samenwerkingsverband_schemas import (
    SamenwerkingsverbandCreate,
    SamenwerkingsverbandRead,
)
from inburgering.routes.api.schemas import BeleidCreate, BeleidRead
from inburgering.routes.domain.beleid import Beleidsbron
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.handlers import samenwerkingsverbanden as verbanden
from inburgering.routes.handlers.samenwerkingsverbanden import Verband
from inburgering.shared.auth import CurrentPrincipal, Principal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/samenwerkingsverbanden", tags=["Samenwerkingsverbanden"])


def _read(verband: Verband, nu: datetime) -> SamenwerkingsverbandRead:
    versies = [
        BeleidRead(
            onderwijsroute_max_leeftijd=v["onderwijsroute_max_leeftijd"],
            ingangsdatum=v["ingangs_date"],
            bron=Beleidsbron.SAMENWERKINGSVERBAND,
            samenwerkingsverband_id=verband.id,
        )
        for v in verband.versies
    ]
    geldend = [v for v in versies if v.ingangsdatum and v.ingangsdatum <= vandaag(nu)]
    return SamenwerkingsverbandRead(
        id=verband.id,
        naam=verband.naam,
        gemeentecodes=list(verband.gemeentecodes),
        geldend=geldend[-1] if geldend else None,
        versies=versies,
    )


def _zichtbaar(principal: Principal) -> frozenset[str]:
    principal.require(Rol.GEMEENTE, Rol.REGIO)
    return principal.gemeentecodes


@router.get(
    "", response_model=list[SamenwerkingsverbandRead], responses=problem_responses(401, 403)
)
async def lijst_samenwerkingsverbanden(
    principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> list[SamenwerkingsverbandRead]:
    """De samenwerkingsverbanden waarvan een gemeente van de client lid is."""
    async with uow:
        return [_read(v, nu) for v in await verbanden.lijst(uow, _zichtbaar(principal))]


@router.post(
    "",
    response_model=SamenwerkingsverbandRead,
    status_code=201,
    responses=problem_responses(400, 401, 403, 409),
)
async def richt_samenwerkingsverband_op(
    body: SamenwerkingsverbandCreate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> SamenwerkingsverbandRead:
    """Leg een samenwerkingsverband vast dat samen leerroutebeleid vaststelt.

    Rollen: `gemeente` en `regio`, namens alle deelnemende gemeenten. Een gemeente die al bij
    een samenwerkingsverband hoort, geeft 409."""
    vereis_namens(principal, body.gemeentecodes)
    async with uow:
        verband_id = await verbanden.richt_op(uow, body.naam, body.gemeentecodes, nu)
    async with uow:
        return _read(await verbanden.geef(uow, verband_id, body.gemeentecodes), nu)


@router.get(
    "/{samenwerkingsverband_id}",
    response_model=SamenwerkingsverbandRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_samenwerkingsverband(
    samenwerkingsverband_id: UUID,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> SamenwerkingsverbandRead:
    """Het samenwerkingsverband met zijn beleidsversies; zichtbaar voor wie namens een lid
    handelt, voor anderen 404."""
    async with uow:
        return _read(await verbanden.geef(uow, samenwerkingsverband_id, _zichtbaar(principal)), nu)


@router.post(
    "/{samenwerkingsverband_id}/beleid",
    response_model=SamenwerkingsverbandRead,
    status_code=201,
    responses=problem_responses(400, 401, 403, 404),
)
async def leg_samenwerkingsverbandbeleid_vast(
    samenwerkingsverband_id: UUID,
    body: BeleidCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> SamenwerkingsverbandRead:
    """Leg een beleidsversie van het samenwerkingsverband vast, vanaf `ingangsdatum` (op zijn
    vroegst morgen). Het geldt voor elke deelnemende gemeente zonder eigen beleid op die dag.

    Rollen: `gemeente` en `regio`, namens alle deelnemende gemeenten."""
    async with uow:
        verband = await verbanden.geef(uow, samenwerkingsverband_id, _zichtbaar(principal))
        vereis_namens(principal, verband.gemeentecodes)
        await verbanden.leg_beleid_vast(
            uow, verband, body.onderwijsroute_max_leeftijd, body.ingangsdatum, vandaag(nu), nu
        )
    async with uow:
        return _read(await verbanden.geef(uow, samenwerkingsverband_id, _zichtbaar(principal)), nu)
