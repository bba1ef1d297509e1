from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from inburgering.referrals.api.dependencies import (
    IndieningNadertDagenDep,
    NadertDagenDep,
    NuDep,
    gemeente_inzage,
)
from inburgering.referrals.api.schemas import (
    DossierUpdate,
    IndieningCreate,
    VerwijzingCreate,
    VerwijzingRead,
)
from inburgering.referrals.api.weergave import voor_gemeente
from inburgering.referrals.domain.checklist import Dossier
from inburgering.referrals.handlers import MaakVerwijzing, aanmaken, gemeente, lezen
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep
from inburgering.shared.kalender import nederlandse_datum

router = APIRouter(prefix="/verwijzingen", tags=["Verwijzingen"])


@router.post(
    "",
    status_code=201,
    response_model=VerwijzingRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def maak_verwijzing(
    body: VerwijzingCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
    indiening_nadert_dagen: IndieningNadertDagenDep,
    response: Response,
) -> VerwijzingRead:
    """Verwijs een inburgeraar naar hbo/wo, vanuit elke leerroute (de klantregisseur beslist).

    Alleen een inburgeraar van wie deze dienst de vastgestelde leerroute voor deze gemeente kent,
    kan worden verwezen; anders volgt een 404 `inburgeraar-niet-gevonden`, ook als de
    inburgeraar bij een andere gemeente hoort. Een gemeente buiten het hbo/wo-netwerk krijgt
    altijd een 409 `gemeente-niet-in-netwerk`. De verwijzing gaat uit van de vastgestelde
    leerroute: laat `leerroute` weg om die over te nemen; een andere leerroute is een 400
    `leerroute-wijkt-af` met `body.leerroute` in `invalidParams` (een leerroute wijzigt bij de
    routesdienst, niet hier). Zonder `opleidingsniveau` geldt het niveau uit de brede intake
    dat bij de vaststelling bekend was."""
    principal.require_gemeente(body.gemeentecode)
    inzage = gemeente_inzage(principal)
    command = MaakVerwijzing(
        inburgeraar_id=body.inburgeraar_id,
        gemeentecode=body.gemeentecode,
        niveau=body.niveau,
        leerroute=body.leerroute,
        opleidingsniveau=body.opleidingsniveau,
    )
    async with uow:
        verwijzing_id = await aanmaken.maak_verwijzing(
            uow, command, nu, indiening_nadert_dagen=indiening_nadert_dagen
        )
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    response.headers["Location"] = f"/v1/verwijzingen/{verwijzing_id}"
    return voor_gemeente(beeld)


@router.get(
    "",
    response_model=list[VerwijzingRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_verwijzingen(
    principal: CurrentPrincipal,
    uow: UowDep,
    inburgeraar_id: Annotated[
        UUID | None,
        Query(alias="inburgeraarId", description="Alleen de verwijzingen van deze inburgeraar"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[VerwijzingRead]:
    """De verwijzingen naar hbo/wo van de gemeenten waarvoor de client handelt."""
    inzage = gemeente_inzage(principal)
    async with uow:
        beelden = await lezen.lijst(
            uow, inzage, inburgeraar_id=inburgeraar_id, limit=limit, offset=offset
        )
    return [voor_gemeente(beeld) for beeld in beelden]


@router.get(
    "/{verwijzing_id}",
    response_model=VerwijzingRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_verwijzing(
    verwijzing_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> VerwijzingRead:
    """Eén verwijzing met stappen, deadlines en checklist; een verwijzing van een andere
    gemeente bestaat voor deze client niet."""
    inzage = gemeente_inzage(principal)
    async with uow:
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_gemeente(beeld)


@router.put(
    "/{verwijzing_id}/dossier",
    response_model=VerwijzingRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def voltooi_dossier(
    verwijzing_id: UUID, body: DossierUpdate, principal: CurrentPrincipal, uow: UowDep, nu: NuDep
) -> VerwijzingRead:
    """Maak het dossier compleet: diplomawaardering, taalniveau, UAF-begeleiding en desgewenst
    het geboortejaar (voor de leeftijdsgrens van de studiefinanciering)."""
    inzage = gemeente_inzage(principal)
    dossier = Dossier(
        diplomawaardering=body.diplomawaardering,
        taalniveau=body.taalniveau,
        uaf_begeleiding=body.uaf_begeleiding,
        geboortejaar=body.geboortejaar,
    )
    async with uow:
        await gemeente.voltooi_dossier(uow, verwijzing_id, inzage, dossier, nu)
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_gemeente(beeld)


@router.post(
    "/{verwijzing_id}/indiening",
    response_model=VerwijzingRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def dien_in(
    verwijzing_id: UUID,
    body: IndieningCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    nu: NuDep,
    nadert_dagen: NadertDagenDep,
) -> VerwijzingRead:
    """Dien de verwijzing in bij een cohort van een opleiding; dit neemt een plaats in. Een vol
    cohort of een verstreken aanmeldtermijn is een 409. Na een afwijzing dient dit de verwijzing
    opnieuw in, als volgende poging: bij een later cohort van dezelfde opleiding of bij een
    andere opleiding (anders 409 `herindiening-vereist-later-cohort`)."""
    inzage = gemeente_inzage(principal)
    command = gemeente.DienIn(verwijzing_id=verwijzing_id, cohort_id=body.cohort_id)
    async with uow:
        await gemeente.dien_in(
            uow, command, inzage, nu, nederlandse_datum(nu), nadert_dagen=nadert_dagen
        )
        beeld = await lezen.geef(uow, verwijzing_id, inzage)
    return voor_gemeente(beeld)
