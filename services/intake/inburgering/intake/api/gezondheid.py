from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request

from inburgering.intake.api.bevoegdheid import GezondheidBevoegd, verwerker
from inburgering.intake.api.schemas import GezondheidRead
from inburgering.intake.domain.brede_intake import DoelVerwerking
from inburgering.intake.domain.errors import GezondheidNietBevoegd
from inburgering.intake.usecases.gezondheid import lees_gezondheid
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/inburgeraars", tags=["Brede intake"])


@router.get(
    "/{inburgeraar_id}/brede-intake/gezondheid",
    response_model=GezondheidRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def lees_gezondheidsgegevens(
    inburgeraar_id: UUID,
    doel: Annotated[DoelVerwerking, Query(description="Waarvoor (Wi art. 37); wordt gelogd")],
    principal: CurrentPrincipal,
    bevoegd: GezondheidBevoegd,
    uow: UowDep,
    request: Request,
) -> GezondheidRead:
    """Gezondheid uit de brede intake: alleen met de claim `gezondheid: true`; elke inzage
    wordt vastgelegd in het verwerkingslog (wie, wanneer, welke inburgeraar, waarvoor)."""
    principal.require(Rol.GEMEENTE)
    if not bevoegd:
        raise GezondheidNietBevoegd("Dit token mag geen gezondheidsgegevens inzien.")
    async with uow:
        gegevens = await lees_gezondheid(
            uow,
            request.app.state.gezondheid_vault,
            inburgeraar_id=inburgeraar_id,
            gemeentecodes=principal.gemeentecodes,
            door=verwerker(principal),
            doel=doel,
        )
    return GezondheidRead(
        inburgeraar_id=inburgeraar_id,
        lichamelijk=gegevens.lichamelijk,
        psychisch=gegevens.psychisch,
        gevolgen_voor_inburgering=gegevens.gevolgen_voor_inburgering,
    )
