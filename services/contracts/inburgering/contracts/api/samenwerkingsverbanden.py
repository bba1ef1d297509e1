from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from inburgering.contracts import handlers
from inburgering.contracts.api.schemas import SamenwerkingsverbandRead
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/samenwerkingsverbanden", tags=["Samenwerkingsverbanden"])


@router.get(
    "",
    response_model=list[SamenwerkingsverbandRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_samenwerkingsverbanden(
    principal: CurrentPrincipal,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[SamenwerkingsverbandRead]:
    """De samenwerkingsverbanden (één per leerroute) waarvan de eigen gemeenten lid of
    trekker zijn."""
    principal.require(Rol.GEMEENTE, Rol.REGIO)
    async with uow:
        rows = await handlers.lijst_samenwerkingsverbanden(
            uow, principal.gemeentecodes, limit=limit, offset=offset
        )
    return [
        SamenwerkingsverbandRead(
            id=row["id"],
            naam=row["naam"],
            leerroute=row["leerroute"],
            lead_gemeentecode=row["lead_gemeentecode"],
            leden=row["leden"],
        )
        for row in rows
    ]
