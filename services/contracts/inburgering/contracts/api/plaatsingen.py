from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from sqlalchemy.engine import RowMapping

from inburgering.contracts import handlers
from inburgering.contracts.api.dependencies import plaatsing_inzage
from inburgering.contracts.api.schemas import PlaatsingRead
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/plaatsingen", tags=["Plaatsingen"])


def _read(row: RowMapping) -> PlaatsingRead:
    return PlaatsingRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        leerroute=row["leerroute"],
        contract_id=row["contract_id"],
        aanbieder_kvk=row["aanbieder_kvk"],
        status=row["status"],
        aangevraagd_op=row["aangevraagd_at"],
    )


@router.get(
    "",
    response_model=list[PlaatsingRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_plaatsingen(
    principal: CurrentPrincipal,
    uow: UowDep,
    inburgeraar_id: Annotated[UUID | None, Query(alias="inburgeraarId")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[PlaatsingRead]:
    """Plaatsingen van de eigen gemeenten (rol gemeente) of bij de eigen organisatie (rol
    aanbieder), desgewenst van één inburgeraar."""
    inzage = plaatsing_inzage(principal)
    async with uow:
        rows = await handlers.lijst_plaatsingen(
            uow, inzage, inburgeraar_id=inburgeraar_id, limit=limit, offset=offset
        )
    return [_read(row) for row in rows]


@router.get(
    "/{plaatsing_id}",
    response_model=PlaatsingRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_plaatsing(
    plaatsing_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> PlaatsingRead:
    """Eén plaatsing; een plaatsing buiten de eigen gemeenten of organisatie bestaat voor deze
    client niet."""
    inzage = plaatsing_inzage(principal)
    async with uow:
        row = await handlers.geef_plaatsing(uow, plaatsing_id, inzage)
    return _read(row)
