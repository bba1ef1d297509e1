"""The inburgeringsaanbod reported to DUO per started placement, with the melding's outcome."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from sqlalchemy.engine import RowMapping

from inburgering.intake.api.schemas import DuoMeldingRead, InburgeringsaanbodRead
from inburgering.intake.usecases import inburgeringsaanbod
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/inburgeraars/{inburgeraar_id}", tags=["Inburgeringsaanbod"])


def _read(row: RowMapping) -> InburgeringsaanbodRead:
    return InburgeringsaanbodRead(
        plaatsing_id=row["plaatsing_id"],
        inburgeraar_id=row["inburgeraar_id"],
        aanbieder_kvk=row["aanbieder_kvk"],
        leerroute=row["leerroute"],
        startdatum=row["startdatum"],
        duo_melding=DuoMeldingRead(
            status=row["status"],
            pogingen=row["pogingen"],
            laatste_fout=row["laatste_fout"],
            volgende_poging_op=row["volgende_poging_at"],
            afgerond_op=row["afgerond_at"],
        ),
    )


@router.get(
    "/inburgeringsaanbod",
    response_model=list[InburgeringsaanbodRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def lijst_inburgeringsaanbod(
    inburgeraar_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[InburgeringsaanbodRead]:
    """Het aan DUO gemelde inburgeringsaanbod per gestarte plaatsing, het oudste eerst."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        rows = await inburgeringsaanbod.lijst_aanbod_meldingen(
            uow, inburgeraar_id, principal.gemeentecodes
        )
    return [_read(row) for row in rows]


@router.get(
    "/inburgeringsaanbod/{plaatsing_id}",
    response_model=InburgeringsaanbodRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_inburgeringsaanbod(
    inburgeraar_id: UUID, plaatsing_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> InburgeringsaanbodRead:
    """Het inburgeringsaanbod van één plaatsing, met de uitkomst van de melding aan DUO."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await inburgeringsaanbod.geef_aanbod_melding(
            uow, inburgeraar_id, plaatsing_id, principal.gemeentecodes
        )
    return _read(row)


@router.post(
    "/inburgeringsaanbod/{plaatsing_id}/opnieuw-melden",
    response_model=InburgeringsaanbodRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def meld_inburgeringsaanbod_opnieuw(
    inburgeraar_id: UUID,
    plaatsing_id: UUID,
    principal: CurrentPrincipal,
    uow: UowDep,
    request: Request,
) -> InburgeringsaanbodRead:
    """Meld een afgewezen of geparkeerd inburgeringsaanbod opnieuw, nadat de oorzaak is
    opgelost (bv. het instellingsnummer ingesteld); een wachtende melding blijft zoals ze is,
    een afgeleverde is een 409."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await inburgeringsaanbod.meld_opnieuw(
            uow, request.app.state.intake, inburgeraar_id, plaatsing_id, principal.gemeentecodes
        )
    return _read(row)
