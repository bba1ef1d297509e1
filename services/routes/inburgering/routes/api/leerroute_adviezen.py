from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from sqlalchemy.engine import RowMapping

from inburgering.routes import handlers
from inburgering.routes.api.schemas import LeerrouteAdviesRead, VaststellingCreate
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/leerroute-adviezen", tags=["Leerrouteadviezen"])


def _read(row: RowMapping) -> LeerrouteAdviesRead:
    return LeerrouteAdviesRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        geadviseerde_leerroute=row["geadviseerde_leerroute"],
        regel=row["regel"],
        regelset_versie=row["regelset_versie"],
        uitleg=row["uitleg"],
        status=row["status"],
        vastgestelde_leerroute=row["vastgestelde_leerroute"],
        motivering=row["motivering"],
        geadviseerd_op=row["geadviseerd_at"],
        vastgesteld_op=row["vastgesteld_at"],
    )


@router.get(
    "",
    response_model=list[LeerrouteAdviesRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_leerroute_adviezen(
    principal: CurrentPrincipal,
    uow: UowDep,
    inburgeraar_id: Annotated[
        UUID | None, Query(alias="inburgeraarId", description="Alleen de adviezen van deze persoon")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[LeerrouteAdviesRead]:
    """De leerrouteadviezen van de gemeenten waarvoor de client handelt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.lijst_adviezen(
            uow,
            principal.gemeentecodes,
            inburgeraar_id=inburgeraar_id,
            limit=limit,
            offset=offset,
        )
    return [_read(row) for row in rows]


@router.get(
    "/{advies_id}",
    response_model=LeerrouteAdviesRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_leerroute_advies(
    advies_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> LeerrouteAdviesRead:
    """Eén leerrouteadvies met zijn uitleg; een advies van een andere gemeente bestaat hier niet."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.geef_advies(uow, advies_id, principal.gemeentecodes)
    return _read(row)


@router.post(
    "/{advies_id}/vaststellen",
    response_model=LeerrouteAdviesRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def stel_leerroute_vast(
    advies_id: UUID, body: VaststellingCreate, principal: CurrentPrincipal, uow: UowDep
) -> LeerrouteAdviesRead:
    """Stel de leerroute vast: bevestig het advies, of wijk er gemotiveerd van af."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.stel_leerroute_vast(
            uow, advies_id, body.leerroute, body.motivering, principal.gemeentecodes
        )
    return _read(row)
