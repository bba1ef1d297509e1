from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from sqlalchemy.engine import RowMapping

from inburgering.referrals import handlers
from inburgering.referrals.api.schemas import VerwijzingRead
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/verwijzingen", tags=["Verwijzingen"])


def _read(row: RowMapping) -> VerwijzingRead:
    return VerwijzingRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        niveau=row["niveau"],
        status=row["status"],
        aangemaakt_op=row["aangemaakt_at"],
    )


@router.get(
    "",
    response_model=list[VerwijzingRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_verwijzingen(
    principal: CurrentPrincipal,
    uow: UowDep,
    inburgeraar_id: Annotated[
        UUID | None,
        Query(alias="inburgeraarId", description="Alleen de verwijzingen van deze inburgeraar"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[VerwijzingRead]:
    """De verwijzingen naar hbo/wo van de gemeenten waarvoor de client handelt."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await handlers.lijst_verwijzingen(
            uow,
            principal.gemeentecodes,
            inburgeraar_id=inburgeraar_id,
            limit=limit,
            offset=offset,
        )
    return [_read(row) for row in rows]


@router.get(
    "/{verwijzing_id}",
    response_model=VerwijzingRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_verwijzing(
    verwijzing_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> VerwijzingRead:
    """Eén verwijzing; een verwijzing van een andere gemeente bestaat voor deze client niet."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await handlers.geef_verwijzing(uow, verwijzing_id, principal.gemeentecodes)
    return _read(row)
