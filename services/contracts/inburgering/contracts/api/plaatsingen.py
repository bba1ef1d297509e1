from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response
from sqlalchemy.engine import RowMapping

from inburgering.contracts import handlers
from inburgering.contracts.api.dependencies import RegelsDep, plaatsing_inzage
from inburgering.contracts.api.schemas import (
    ExamenresultaatRead,
    PlaatsingCreate,
    PlaatsingRead,
    UrenRead,
)
from inburgering.contracts.handlers.plaatsingen import geef_examenresultaten
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/plaatsingen", tags=["Plaatsingen"])


def plaatsing_read(row: RowMapping) -> PlaatsingRead:
    return PlaatsingRead(
        id=row["id"],
        inburgeraar_id=row["inburgeraar_id"],
        gemeentecode=row["gemeentecode"],
        leerroute=row["leerroute"],
        doelgroep=row["doelgroep"],
        contract_id=row["contract_id"],
        aanbieder_kvk=row["aanbieder_kvk"],
        status=row["status"],
        aangevraagd_op=row["aangevraagd_at"],
        startdatum=row["startdatum"],
        einddatum=row["einddatum"],
        einde_reden=row["einde_reden"],
    )


@router.post(
    "",
    status_code=201,
    response_model=PlaatsingRead,
    responses=problem_responses(400, 401, 403, 409),
)
async def vraag_plaatsing_aan(
    body: PlaatsingCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
    response: Response,
) -> PlaatsingRead:
    """Regel een cursus voor een gezinsmigrant van de eigen gemeente; de plaatsing gaat naar
    een contract met ruimte, of op de wachtlijst."""
    principal.require_gemeente(body.gemeentecode)
    command = handlers.VraagPlaatsingAan(
        inburgeraar_id=body.inburgeraar_id,
        leerroute_besluit_id=body.leerroute_besluit_id,
        gemeentecode=body.gemeentecode,
        leerroute=body.leerroute,
        doelgroep=body.doelgroep,
    )
    async with uow:
        plaatsing_id = await handlers.vraag_plaatsing_aan_op_verzoek(uow, command, regels)
        row = await handlers.geef_plaatsing(uow, plaatsing_id, plaatsing_inzage(principal))
    response.headers["Location"] = f"/v1/plaatsingen/{plaatsing_id}"
    return plaatsing_read(row)


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
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[PlaatsingRead]:
    """Plaatsingen van de eigen gemeenten (rol gemeente) of bij de eigen organisatie (rol
    aanbieder), desgewenst van één inburgeraar."""
    inzage = plaatsing_inzage(principal)
    async with uow:
        rows = await handlers.lijst_plaatsingen(
            uow, inzage, inburgeraar_id=inburgeraar_id, limit=limit, offset=offset
        )
    return [plaatsing_read(row) for row in rows]


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
    return plaatsing_read(row)


@router.get(
    "/{plaatsing_id}/uren",
    response_model=UrenRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_uren(plaatsing_id: UUID, principal: CurrentPrincipal, uow: UowDep) -> UrenRead:
    """Gemelde uren en bereikte urenmijlpalen van een plaatsing van de eigen gemeente of bij
    de eigen organisatie."""
    inzage = plaatsing_inzage(principal)
    async with uow:
        uren, mijlpalen = await handlers.geef_uren(uow, plaatsing_id, inzage)
    return UrenRead(
        uren_aanwezig=float(uren.aanwezig),
        uren_geoorloofd_afwezig=float(uren.geoorloofd_afwezig),
        uren_ongeoorloofd_afwezig=float(uren.ongeoorloofd_afwezig),
        mijlpalen=mijlpalen,
    )


@router.get(
    "/{plaatsing_id}/examenresultaten",
    response_model=list[ExamenresultaatRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def lijst_examenresultaten(
    plaatsing_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[ExamenresultaatRead]:
    """De examenresultaten die de aanbieder bij deze plaatsing meldde, voor de gemeente die
    plaatste en de aanbieder zelf. DUO blijft de bron van examenuitslagen (art. 9.2.5 Bi2021):
    de afronding van de leerroute volgt DUO's uitslagen, niet deze meldingen."""
    inzage = plaatsing_inzage(principal)
    async with uow:
        rows = await geef_examenresultaten(uow, plaatsing_id, inzage)
    return [
        ExamenresultaatRead(
            id=row["id"],
            onderdeel=row["onderdeel"],
            examendatum=row["examendatum"],
            niveau=row["niveau"],
            behaald=row["behaald"],
            gemeld_op=row["gemeld_at"],
        )
        for row in rows
    ]
