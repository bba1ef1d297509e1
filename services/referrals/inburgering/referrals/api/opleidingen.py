from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from inburgering.referrals import handlers
from inburgering.referrals.api.schemas import OpleidingRead
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/opleidingen", tags=["Opleidingen"])


@router.get(
    "",
    response_model=list[OpleidingRead],
    responses=problem_responses(400, 401),
)
async def lijst_opleidingen(
    # Authentication is the whole check: the catalogue has no tenant and no personal data.
    principal: CurrentPrincipal,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[OpleidingRead]:
    """De opleidingen van het hbo/wo-netwerk (pre-bachelor, schakeljaar, taalschakeltraject).

    Een openbare catalogus zonder persoonsgegevens: elke geauthenticeerde rol mag hem lezen.
    """
    async with uow:
        rows = await handlers.lijst_opleidingen(uow, limit=limit, offset=offset)
    return [
        OpleidingRead(
            id=row["id"],
            naam=row["naam"],
            soort=row["soort"],
            niveau=row["niveau"],
            instelling_id=row["instelling_id"],
            instelling_naam=row["instelling_naam"],
        )
        for row in rows
    ]
