from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query

from inburgering.contracts import handlers
from inburgering.contracts.api.dependencies import regio_inzage
from inburgering.contracts.api.schemas import SamenwerkingsverbandRead, ToewijzingsbeleidUpdate
from inburgering.contracts.handlers import samenwerkingsverbanden
from inburgering.shared.auth import CurrentPrincipal, Rol
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/samenwerkingsverbanden", tags=["Samenwerkingsverbanden"])


def _read(row: dict[str, Any]) -> SamenwerkingsverbandRead:
    return SamenwerkingsverbandRead(
        id=row["id"],
        naam=row["naam"],
        leerroute=row["leerroute"],
        lead_gemeentecode=row["lead_gemeentecode"],
        leden=row["leden"],
        toewijzingsbeleid=row["toewijzingsbeleid"],
    )


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
    return [_read(row) for row in rows]


@router.put(
    "/{samenwerkingsverband_id}/toewijzingsbeleid",
    response_model=SamenwerkingsverbandRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def stel_toewijzingsbeleid_in(
    samenwerkingsverband_id: UUID,
    body: ToewijzingsbeleidUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
) -> SamenwerkingsverbandRead:
    """Kies hoe het samenwerkingsverband plaatst (alleen de centrumgemeente die het trekt):
    `voorkeursvolgorde` (laagste bezetting eerst), `rotatie` (om de beurt over de contracten
    die in aanmerking komen) of `locatie` (eerst een aanbieder met een leslocatie in de gemeente
    van de inburgeraar, daarna de voorkeursvolgorde)."""
    inzage = regio_inzage(principal)
    async with uow:
        await samenwerkingsverbanden.stel_toewijzingsbeleid_in(
            uow, samenwerkingsverband_id, inzage, body.toewijzingsbeleid
        )
    async with uow:
        return _read(
            await samenwerkingsverbanden.geef_geleid_verband(uow, samenwerkingsverband_id, inzage)
        )
