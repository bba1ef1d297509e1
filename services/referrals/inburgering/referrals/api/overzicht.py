from __future__ import annotations

from fastapi import APIRouter

from inburgering.referrals.api.schemas import OverzichtRegel
from inburgering.referrals.handlers import lezen
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/overzicht", tags=["Provinciaal overzicht"])


@router.get("", response_model=list[OverzichtRegel], responses=problem_responses(401, 403))
async def overzicht(principal: CurrentPrincipal, uow: UowDep) -> list[OverzichtRegel]:
    """Aantallen verwijzingen per gemeente, instelling, opleiding, cohort en status; alleen
    aantallen, nooit personen. Een regio ziet de eigen gemeenten, beheer de hele provincie."""
    principal.require(Rol.REGIO, Rol.BEHEER)
    gemeentecodes = principal.gemeentecodes if principal.rol is Rol.REGIO else None
    async with uow:
        rows = await lezen.overzicht(uow, gemeentecodes)
    return [
        OverzichtRegel(
            gemeentecode=row["gemeentecode"],
            instelling_id=row["instelling_id"],
            opleiding_id=row["opleiding_id"],
            cohort_id=row["cohort_id"],
            status=row["status"],
            aantal=row["aantal"],
        )
        for row in rows
    ]
