from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response
from sqlalchemy.engine import RowMapping

from inburgering.referrals.api.dependencies import instelling_inzage
from inburgering.referrals.api.netwerk_schemas import (
    CohortCreate,
    CohortRead,
    CohortUpdate,
    OpleidingCreate,
    OpleidingRead,
    ToelatingseisenUpdate,
)
from inburgering.referrals.handlers import netwerk
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/opleidingen", tags=["Opleidingen"])


def _opleiding(row: RowMapping) -> OpleidingRead:
    return OpleidingRead(
        id=row["id"],
        naam=row["naam"],
        soort=row["soort"],
        niveau=row["niveau"],
        instelling_id=row["instelling_id"],
        instelling_naam=row["instelling_naam"],
        taalniveau_bij_start=row["taalniveau_bij_start"],
        engels_niveau=row["engels_niveau"],
        wiskunde_niveau=row["wiskunde_niveau"],
        diplomawaardering_vereist=row["diplomawaardering_vereist"],
    )


def _cohort(row: RowMapping) -> CohortRead:
    return CohortRead(
        id=row["id"],
        opleiding_id=row["opleiding_id"],
        aanmelddeadline=row["aanmeld_deadline_date"],
        startdatum=row["start_date"],
        einddatum=row["eind_date"],
        plaatsen=row["plaatsen"],
        bezet=row["bezet"],
        vrije_plaatsen=row["plaatsen"] - row["bezet"],
    )


@router.get("", response_model=list[OpleidingRead], responses=problem_responses(400, 401))
async def lijst_opleidingen(
    # Authentication is the whole check: the catalogue has no tenant and no personal data.
    principal: CurrentPrincipal,
    uow: UowDep,
    instelling_id: Annotated[UUID | None, Query(alias="instellingId")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[OpleidingRead]:
    """De opleidingen van het hbo/wo-netwerk (pre-bachelor, schakeljaar, taalschakeltraject)
    met hun toelatingseisen.

    Een openbare catalogus zonder persoonsgegevens: elke geauthenticeerde rol mag hem lezen.
    """
    async with uow:
        rows = await netwerk.lijst_opleidingen(
            uow, instelling_id=instelling_id, limit=limit, offset=offset
        )
    return [_opleiding(row) for row in rows]


@router.post(
    "",
    status_code=201,
    response_model=OpleidingRead,
    responses=problem_responses(400, 401, 403),
)
async def maak_opleiding(
    body: OpleidingCreate, principal: CurrentPrincipal, uow: UowDep, response: Response
) -> OpleidingRead:
    """Een instelling voegt een eigen opleiding toe aan het netwerk."""
    inzage = instelling_inzage(principal)
    nieuw = netwerk.NieuweOpleiding(**body.model_dump())
    async with uow:
        opleiding_id = await netwerk.maak_opleiding(uow, inzage.instelling_id, nieuw)
        row = await netwerk.geef_opleiding(uow, opleiding_id)
    response.headers["Location"] = f"/v1/opleidingen/{opleiding_id}"
    return _opleiding(row)


@router.get(
    "/{opleiding_id}/cohorten",
    response_model=list[CohortRead],
    responses=problem_responses(400, 401, 404),
)
async def lijst_cohorten(
    opleiding_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[CohortRead]:
    """De cohorten van een opleiding: startdatum, aanmelddeadline en vrije plaatsen."""
    async with uow:
        rows = await netwerk.lijst_cohorten(uow, opleiding_id)
    return [_cohort(row) for row in rows]


@router.post(
    "/{opleiding_id}/cohorten",
    status_code=201,
    response_model=CohortRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def maak_cohort(
    opleiding_id: UUID,
    body: CohortCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    response: Response,
) -> CohortRead:
    """Een instelling opent een cohort van een eigen opleiding."""
    inzage = instelling_inzage(principal)
    nieuw = netwerk.NieuwCohort(**body.model_dump())
    async with uow:
        row = await netwerk.maak_cohort(uow, opleiding_id, inzage.instelling_id, nieuw)
    response.headers["Location"] = f"/v1/opleidingen/{opleiding_id}/cohorten/{row['id']}"
    return _cohort(row)


@router.patch(
    "/{opleiding_id}/cohorten/{cohort_id}",
    response_model=CohortRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def wijzig_cohort(
    opleiding_id: UUID,
    cohort_id: UUID,
    body: CohortUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
) -> CohortRead:
    """Wijzig het aantal plaatsen; nooit lager dan het aantal al bezette plaatsen (409)."""
    inzage = instelling_inzage(principal)
    async with uow:
        row = await netwerk.wijzig_plaatsen(
            uow, opleiding_id, cohort_id, inzage.instelling_id, body.plaatsen
        )
    return _cohort(row)


@router.put(
    "/{opleiding_id}/toelatingseisen",
    response_model=OpleidingRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def wijzig_toelatingseisen(
    opleiding_id: UUID, body: ToelatingseisenUpdate, principal: CurrentPrincipal, uow: UowDep
) -> OpleidingRead:
    """Een instelling onderhoudt de toelatingseisen van een eigen opleiding; de opleiding van een
    andere instelling bestaat voor haar niet (404)."""
    inzage = instelling_inzage(principal)
    eisen = netwerk.Toelatingseisen(**body.model_dump())
    async with uow:
        row = await netwerk.wijzig_toelatingseisen(uow, opleiding_id, inzage.instelling_id, eisen)
    return _opleiding(row)
