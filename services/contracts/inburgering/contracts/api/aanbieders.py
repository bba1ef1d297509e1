from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy.engine import RowMapping

from inburgering.contracts.api.dependencies import (
    RegelsDep,
    aanbieder_beheer_inzage,
    aanbieder_lees_inzage,
)
from inburgering.contracts.api.schemas import (
    AanbiederRead,
    KeurmerkRead,
    KeurmerkUpdate,
    LocatiesUpdate,
)
from inburgering.contracts.handlers import aanbieders
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/aanbieders", tags=["Aanbieders"])

Kvk = Annotated[str, Path(pattern=r"^\d{8}$", description="KvK-nummer van de aanbieder")]


def _read(row: RowMapping, locaties: list[str]) -> AanbiederRead:
    keurmerk = None
    if row["keurmerk_status"] is not None:
        keurmerk = KeurmerkRead(
            status=row["keurmerk_status"],
            nummer=row["keurmerk_nummer"],
            geldig_van=row["keurmerk_geldig_van"],
            geldig_tot=row["keurmerk_geldig_tot"],
        )
    return AanbiederRead(
        kvk=row["kvk"],
        naam=row["naam"],
        keurmerk=keurmerk,
        taalschakel=row["taalschakel"],
        locaties=locaties,
    )


async def _gelezen(uow: UowDep, kvk: str, inzage: aanbieders.Inzage) -> AanbiederRead:
    async with uow:
        row = await aanbieders.geef_aanbieder(uow, kvk, inzage)
        return _read(row, await aanbieders.geef_locaties(uow, row))


@router.get("/{kvk}", response_model=AanbiederRead, responses=problem_responses(400, 401, 403, 404))
async def geef_aanbieder(kvk: Kvk, principal: CurrentPrincipal, uow: UowDep) -> AanbiederRead:
    """Een aanbieder met zijn keurmerk: voor de aanbieder zelf, beheer, en de centrumgemeenten
    die hem contracteerden."""
    return await _gelezen(uow, kvk, aanbieder_lees_inzage(principal))


@router.put(
    "/{kvk}/keurmerk",
    response_model=AanbiederRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def wijzig_keurmerk(
    kvk: Kvk,
    body: KeurmerkUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
) -> AanbiederRead:
    """Leg de status van het Keurmerk Inburgeren vast (beheer, of een centrumgemeente die de
    aanbieder contracteerde). Geschorst of ingetrokken: geen nieuwe plaatsingen meer; lopende
    trajecten gaan door."""
    inzage = aanbieder_beheer_inzage(principal)
    wijziging = aanbieders.WijzigKeurmerk(
        status=body.status,
        nummer=body.nummer,
        geldig_van=body.geldig_van,
        geldig_tot=body.geldig_tot,
    )
    async with uow:
        await aanbieders.wijzig_keurmerk(uow, kvk, inzage, wijziging, regels)
    return await _gelezen(uow, kvk, inzage)


@router.put(
    "/{kvk}/locaties",
    response_model=AanbiederRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def wijzig_locaties(
    kvk: Kvk, body: LocatiesUpdate, principal: CurrentPrincipal, uow: UowDep
) -> AanbiederRead:
    """Leg vast in welke gemeenten de aanbieder lesgeeft (beheer, of een centrumgemeente die de
    aanbieder contracteerde); vervangt de vorige lijst. Een samenwerkingsverband met
    toewijzing `locatie` plaatst eerst bij een aanbieder in de gemeente van de inburgeraar."""
    inzage = aanbieder_beheer_inzage(principal)
    async with uow:
        await aanbieders.wijzig_locaties(uow, kvk, inzage, body.gemeentecodes)
    return await _gelezen(uow, kvk, inzage)
