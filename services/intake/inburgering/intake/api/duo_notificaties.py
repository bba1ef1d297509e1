"""DUO's notifications as the gemeente sees them: what was processed, what waits for a person."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query, Request
from sqlalchemy.engine import RowMapping

from inburgering.intake.api.schemas import DuoNotificatieRead
from inburgering.intake.usecases import notificaties
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/duo-notificaties", tags=["DUO-notificaties"])


def _read(row: RowMapping) -> DuoNotificatieRead:
    return DuoNotificatieRead(
        bericht_id=row["bericht_id"],
        gemeentecode=row["gemeentecode"],
        gebeurtenis_id=row["gebeurtenis_id"],
        geregistreerd_op=row["registratie_at"],
        ontvangen_op=row["ontvangen_at"],
        status=row["status"],
        reden=row["reden"],
        pogingen=row["pogingen"],
        laatste_fout=row["laatste_fout"],
        inburgeraar_id=row["inburgeraar_id"],
        verwerkt_op=row["verwerkt_at"],
    )


@router.get(
    "",
    response_model=list[DuoNotificatieRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_duo_notificaties(
    principal: CurrentPrincipal,
    uow: UowDep,
    status: Literal["ontvangen", "verwerkt", "geparkeerd"] | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[DuoNotificatieRead]:
    """De notificaties van DUO; `status=geparkeerd` zijn de notificaties die een medewerker
    moet beoordelen (onbekende gebeurtenis of persoon). Beheer ziet die van alle gemeenten."""
    principal.require(Rol.GEMEENTE, Rol.BEHEER)
    gemeentecodes = principal.gemeentecodes if principal.rol is Rol.GEMEENTE else None
    async with uow:
        rows = await notificaties.lijst_notificaties(
            uow, gemeentecodes, status=status, limit=limit, offset=offset
        )
    return [_read(row) for row in rows]


@router.post(
    "/{bericht_id}/opnieuw-verwerken",
    response_model=DuoNotificatieRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def verwerk_opnieuw(
    bericht_id: UUID, principal: CurrentPrincipal, uow: UowDep, request: Request
) -> DuoNotificatieRead:
    """Verwerk een geparkeerde notificatie opnieuw, bv. nadat de inburgeraar is aangemeld."""
    principal.require(Rol.GEMEENTE)
    async with uow:
        row = await notificaties.verwerk_opnieuw(
            uow, request.app.state.intake, bericht_id, principal.gemeentecodes
        )
    return _read(row)
