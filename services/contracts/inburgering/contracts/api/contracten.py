from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from inburgering.contracts import handlers
from inburgering.contracts.api.dependencies import contract_inzage
from inburgering.contracts.api.schemas import ContractRead
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/contracten", tags=["Contracten"])


@router.get(
    "",
    response_model=list[ContractRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_contracten(
    principal: CurrentPrincipal,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[ContractRead]:
    """Contracten van de samenwerkingsverbanden die de regio trekt (rol regio), of de eigen
    contracten (rol aanbieder)."""
    inzage = contract_inzage(principal)
    async with uow:
        rows = await handlers.lijst_contracten(uow, inzage, limit=limit, offset=offset)
    return [
        ContractRead(
            id=row["id"],
            samenwerkingsverband_id=row["samenwerkingsverband_id"],
            aanbieder_kvk=row["aanbieder_kvk"],
            leerroute=row["leerroute"],
            capaciteit=row["capaciteit"],
            geplaatst=row["geplaatst"],
            prijs_eenheid=row["prijs_eenheid"],
            status=row["status"],
        )
        for row in rows
    ]
