from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request

from inburgering.intake.api.contactgegevens_schemas import (
    ContactgegevensRead,
    ContactgegevensSchrijven,
)
from inburgering.intake.usecases import contactgegevens
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/inburgeraars", tags=["Contactgegevens"])


@router.put(
    "/{inburgeraar_id}/contactgegevens",
    response_model=ContactgegevensRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def leg_contactgegevens_vast(
    inburgeraar_id: UUID,
    body: ContactgegevensSchrijven,
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
) -> ContactgegevensRead:
    """Naam en adres van de inburgeraar, die de gemeente aan de cursusinstelling mag geven
    (Bi art. 9.2.3); versleuteld opgeslagen, nooit in gebeurtenissen of logs."""
    principal.require(Rol.GEMEENTE)
    gegevens = body.domein()
    async with uow:
        vastgelegd = await contactgegevens.leg_vast(
            uow,
            request.app.state.contactgegevens_vault,
            inburgeraar_id=inburgeraar_id,
            gemeentecodes=principal.gemeentecodes,
            gegevens=gegevens,
            nu=request.app.state.intake.clock(),
        )
    return ContactgegevensRead.van(inburgeraar_id, gegevens, vastgelegd)


@router.get(
    "/{inburgeraar_id}/contactgegevens",
    response_model=ContactgegevensRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def lees_contactgegevens(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep, request: Request
) -> ContactgegevensRead:
    """Voor de gemeente; voor een aanbieder alleen zolang hij een geaccepteerde of lopende
    plaatsing van deze inburgeraar heeft (anders 404, als een onbekende inburgeraar)."""
    principal.require(Rol.GEMEENTE, Rol.AANBIEDER)
    vault = request.app.state.contactgegevens_vault
    async with uow:
        if principal.rol is Rol.AANBIEDER:
            gegevens, vastgelegd = await contactgegevens.lees_voor_aanbieder(
                uow, vault, inburgeraar_id, principal.kvk
            )
        else:
            gegevens, vastgelegd = await contactgegevens.lees_voor_gemeente(
                uow, vault, inburgeraar_id, principal.gemeentecodes
            )
    return ContactgegevensRead.van(inburgeraar_id, gegevens, vastgelegd)
