from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response

from inburgering.contracts import handlers
from inburgering.contracts.api.dependencies import RegelsDep, regio_inzage, verbandbeheer_inzage
from inburgering.contracts.api.schemas import (
    LidmaatschapCreate,
    LidmaatschapRead,
    LidmaatschapUpdate,
    SamenwerkingsverbandCreate,
    SamenwerkingsverbandRead,
    ToewijzingsbeleidUpdate,
)
from inburgering.contracts.domain.lidmaatschap import Lidmaatschap
from inburgering.contracts.domain.model import Periode
from inburgering.contracts.handlers import samenwerkingsverbanden, verbandbeheer
from inburgering.contracts.handlers.toewijzing import vandaag
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
        periode_start=row["periode_start_date"],
        periode_eind=row["periode_eind_date"],
    )


def _lidmaatschap(lid: LidmaatschapCreate) -> Lidmaatschap:
    return Lidmaatschap(lid.gemeentecode, lid.ingangsdatum, None, frozenset(lid.rollen))


def _lidmaatschap_read(lid: Lidmaatschap) -> LidmaatschapRead:
    return LidmaatschapRead(
        gemeentecode=lid.gemeentecode,
        rollen=sorted(lid.rollen),
        ingangsdatum=lid.ingangsdatum,
        einddatum=lid.einddatum,
    )


async def _verband(uow: UowDep, verband_id: UUID, wie: verbandbeheer.Beheerder) -> dict:
    row = await verbandbeheer.geef_verband(uow, verband_id, wie)
    leden = await verbandbeheer.lidmaatschappen(uow, verband_id, wie)
    dag = vandaag()
    return {**row, "leden": sorted(lid.gemeentecode for lid in leden if lid.geldt_op(dag))}


Gemeente = Annotated[str, Path(pattern=r"^GM[0-9]{4}$", description="CBS-code van het lid")]


@router.post(
    "",
    status_code=201,
    response_model=SamenwerkingsverbandRead,
    responses=problem_responses(400, 401, 403),
)
async def richt_samenwerkingsverband_op(
    body: SamenwerkingsverbandCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
    response: Response,
) -> SamenwerkingsverbandRead:
    """Richt een samenwerkingsverband op voor één leerroute, met zijn eerste leden (beheer, of
    de gemeente die het zelf trekt). Wie al wachtte omdat geen verband hem dekte, wacht nu bij
    dit verband."""
    wie = verbandbeheer_inzage(principal)
    opdracht = verbandbeheer.RichtOp(
        naam=body.naam,
        leerroute=body.leerroute,
        lead_gemeentecode=body.lead_gemeentecode,
        periode=Periode(body.periode_start, body.periode_eind),
        leden=[_lidmaatschap(lid) for lid in body.leden],
        toewijzingsbeleid=body.toewijzingsbeleid,
    )
    async with uow:
        verband_id = await verbandbeheer.richt_op(uow, opdracht, wie, regels)
        gelezen = _read(await _verband(uow, verband_id, wie))
    response.headers["Location"] = f"/v1/samenwerkingsverbanden/{verband_id}"
    return gelezen


@router.get(
    "/{samenwerkingsverband_id}",
    response_model=SamenwerkingsverbandRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_samenwerkingsverband(
    samenwerkingsverband_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> SamenwerkingsverbandRead:
    """Een samenwerkingsverband dat de eigen gemeente trekt of waarvan zij lid is (geweest)."""
    wie = verbandbeheer_inzage(principal)
    async with uow:
        return _read(await _verband(uow, samenwerkingsverband_id, wie))


@router.get(
    "/{samenwerkingsverband_id}/leden",
    response_model=list[LidmaatschapRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def lijst_leden(
    samenwerkingsverband_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[LidmaatschapRead]:
    """Alle lidmaatschappen, ook beëindigde: wie wanneer lid was."""
    wie = verbandbeheer_inzage(principal)
    async with uow:
        leden = await verbandbeheer.lidmaatschappen(uow, samenwerkingsverband_id, wie)
    return [_lidmaatschap_read(lid) for lid in leden]


@router.post(
    "/{samenwerkingsverband_id}/leden",
    status_code=201,
    response_model=list[LidmaatschapRead],
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def voeg_lid_toe(
    samenwerkingsverband_id: UUID,
    body: LidmaatschapCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
) -> list[LidmaatschapRead]:
    """Neem een gemeente op vanaf een ingangsdatum (alleen de trekker, of beheer)."""
    wie = verbandbeheer_inzage(principal)
    async with uow:
        await verbandbeheer.voeg_lid_toe(
            uow, samenwerkingsverband_id, wie, _lidmaatschap(body), regels
        )
    async with uow:
        leden = await verbandbeheer.lidmaatschappen(uow, samenwerkingsverband_id, wie)
    return [_lidmaatschap_read(lid) for lid in leden]


@router.patch(
    "/{samenwerkingsverband_id}/leden/{gemeentecode}",
    response_model=list[LidmaatschapRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def beeindig_lidmaatschap(
    samenwerkingsverband_id: UUID,
    gemeentecode: Gemeente,
    body: LidmaatschapUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
) -> list[LidmaatschapRead]:
    """Laat een gemeente uittreden op een datum (alleen de trekker, of beheer). Vanaf die dag
    plaatst het verband niet meer voor haar; lopende plaatsingen lopen door."""
    wie = verbandbeheer_inzage(principal)
    async with uow:
        await verbandbeheer.beeindig_lidmaatschap(
            uow, samenwerkingsverband_id, wie, gemeentecode, body.einddatum
        )
    async with uow:
        leden = await verbandbeheer.lidmaatschappen(uow, samenwerkingsverband_id, wie)
    return [_lidmaatschap_read(lid) for lid in leden]


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
