"""The institution's side of a referral: the aanmelding at one of its own programmes."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from inburgering.referrals.api.dependencies import NuDep, instelling_inzage
from inburgering.referrals.api.schemas import (
    AanmeldingRead,
    Afloop,
    AfrondingCreate,
    ToelatingsbesluitCreate,
)
from inburgering.referrals.api.weergave import voor_instelling
from inburgering.referrals.handlers import instelling, lezen
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/aanmeldingen", tags=["Aanmeldingen (instelling)"])

_STAP = problem_responses(400, 401, 403, 404, 409)


@router.get(
    "",
    response_model=list[AanmeldingRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_aanmeldingen(
    principal: CurrentPrincipal,
    uow: UowDep,
    cohort_id: Annotated[UUID | None, Query(alias="cohortId")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[AanmeldingRead]:
    """De verwijzingen die bij de opleidingen van de eigen instelling zijn ingediend."""
    inzage = instelling_inzage(principal)
    async with uow:
        beelden = await lezen.lijst(uow, inzage, cohort_id=cohort_id, limit=limit, offset=offset)
    return [voor_instelling(beeld) for beeld in beelden]


@router.get(
    "/{verwijzing_id}",
    response_model=AanmeldingRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_aanmelding(
    verwijzing_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> AanmeldingRead:
    """Eén aanmelding; een verwijzing naar een andere instelling bestaat voor deze client niet."""
    inzage = instelling_inzage(principal)
    async with uow:
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_instelling(beeld)


@router.post("/{verwijzing_id}/intake", response_model=AanmeldingRead, responses=_STAP)
async def registreer_intake(
    verwijzing_id: UUID, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> AanmeldingRead:
    """Leg vast dat de intake bij de instelling is gehouden."""
    inzage = instelling_inzage(principal)
    async with uow:
        await instelling.registreer_intake(uow, verwijzing_id, inzage, nu)
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_instelling(beeld)


@router.post("/{verwijzing_id}/toelatingsbesluit", response_model=AanmeldingRead, responses=_STAP)
async def besluit_toelating(
    verwijzing_id: UUID,
    body: ToelatingsbesluitCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> AanmeldingRead:
    """Laat toe, of wijs af met een reden; een afwijzing geeft de plaats in het cohort vrij."""
    inzage = instelling_inzage(principal)
    async with uow:
        await instelling.besluit_toelating(
            uow, verwijzing_id, inzage, nu, toegelaten=body.toegelaten, reden=body.reden
        )
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_instelling(beeld)


@router.post("/{verwijzing_id}/start", response_model=AanmeldingRead, responses=_STAP)
async def start(
    verwijzing_id: UUID, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> AanmeldingRead:
    """Leg vast dat de toegelaten student is begonnen."""
    inzage = instelling_inzage(principal)
    async with uow:
        await instelling.start(uow, verwijzing_id, inzage, nu)
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_instelling(beeld)


@router.post("/{verwijzing_id}/afronding", response_model=AanmeldingRead, responses=_STAP)
async def rond_af(
    verwijzing_id: UUID,
    body: AfrondingCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
) -> AanmeldingRead:
    """Leg de uitkomst vast: afgerond, of beëindigd met een reden."""
    inzage = instelling_inzage(principal)
    async with uow:
        if body.uitkomst is Afloop.AFGEROND:
            await instelling.rond_af(uow, verwijzing_id, inzage, nu)
        else:
            assert body.reden is not None
            await instelling.beeindig(uow, verwijzing_id, inzage, nu, body.reden)
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_instelling(beeld)
