"""Network management: participating gemeenten and institutions, kept by the lead gemeenten."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from inburgering.referrals.api.netwerk_schemas import (
    InstellingCreate,
    InstellingRead,
    NetwerkgemeenteCreate,
    NetwerkgemeenteRead,
)
from inburgering.referrals.domain.netwerkbeheer import Netwerkbeheerder
from inburgering.referrals.handlers import netwerkbeheer
from inburgering.shared.auth import CurrentPrincipal, Principal, Rol
from inburgering.shared.events.base import GEMEENTECODE_PATTERN
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/netwerk", tags=["Netwerk"])


def _beheerder(principal: Principal) -> Netwerkbeheerder:
    principal.require(Rol.REGIO, Rol.BEHEER)
    return Netwerkbeheerder(principal.gemeentecodes if principal.rol is Rol.REGIO else None)


@router.get(
    "/gemeenten", response_model=list[NetwerkgemeenteRead], responses=problem_responses(401)
)
async def lijst_gemeenten(principal: CurrentPrincipal, uow: UowDep) -> list[NetwerkgemeenteRead]:
    """De deelnemende gemeenten; openbaar voor elke geauthenticeerde rol (geen personen)."""
    async with uow:
        rows = await netwerkbeheer.lijst_gemeenten(uow)
    return [
        NetwerkgemeenteRead(gemeentecode=r["gemeentecode"], naam=r["naam"], lead=r["lead"])
        for r in rows
    ]


@router.post(
    "/gemeenten",
    status_code=201,
    response_model=NetwerkgemeenteRead,
    responses=problem_responses(400, 401, 403, 409),
)
async def voeg_gemeente_toe(
    body: NetwerkgemeenteCreate, principal: CurrentPrincipal, uow: UowDep
) -> NetwerkgemeenteRead:
    """Een gemeente gaat deelnemen aan het netwerk (beheer, of een regio namens een
    lead-gemeente). Alleen beheer wijst een lead-gemeente aan."""
    beheerder = _beheerder(principal)
    nieuw = netwerkbeheer.NieuweNetwerkgemeente(**body.model_dump())
    async with uow:
        row = await netwerkbeheer.voeg_gemeente_toe(uow, beheerder, nieuw)
    return NetwerkgemeenteRead(gemeentecode=row["gemeentecode"], naam=row["naam"], lead=row["lead"])


@router.delete(
    "/gemeenten/{gemeentecode}",
    status_code=204,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def verwijder_gemeente(
    gemeentecode: Annotated[str, Path(pattern=GEMEENTECODE_PATTERN)],
    principal: CurrentPrincipal,
    uow: UowDep,
) -> Response:
    """De gemeente neemt niet meer deel: nieuwe leerroutebesluiten leiden niet meer tot een
    verwijzing. Bestaande verwijzingen lopen door. De laatste lead-gemeente blijft (409)."""
    beheerder = _beheerder(principal)
    async with uow:
        await netwerkbeheer.verwijder_gemeente(uow, beheerder, gemeentecode)
    return Response(status_code=204)


@router.get("/instellingen", response_model=list[InstellingRead], responses=problem_responses(401))
async def lijst_instellingen(principal: CurrentPrincipal, uow: UowDep) -> list[InstellingRead]:
    """De hogescholen en universiteiten van het netwerk."""
    async with uow:
        rows = await netwerkbeheer.lijst_instellingen(uow)
    return [InstellingRead(id=r["id"], naam=r["naam"], soort=r["soort"]) for r in rows]


@router.post(
    "/instellingen",
    status_code=201,
    response_model=InstellingRead,
    responses=problem_responses(400, 401, 403),
)
async def voeg_instelling_toe(
    body: InstellingCreate, principal: CurrentPrincipal, uow: UowDep
) -> InstellingRead:
    """Een hogeschool (hbo) of universiteit (wo) gaat deelnemen; haar id is de claim
    `instelling` waarmee zij daarna eigen opleidingen en cohorten beheert."""
    beheerder = _beheerder(principal)
    async with uow:
        row = await netwerkbeheer.voeg_instelling_toe(uow, beheerder, body.naam, body.soort)
    return InstellingRead(id=row["id"], naam=row["naam"], soort=row["soort"])
