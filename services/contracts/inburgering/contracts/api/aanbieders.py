from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from sqlalchemy.engine import RowMapping

from inburgering.contracts.api.dependencies import (
    RegelsDep,
    aanbieder_beheer_inzage,
    aanbieder_lees_inzage,
)
from inburgering.contracts.api.schemas import (
    AanbiederContact,
    AanbiederCreate,
    AanbiederRead,
    KeurmerkRead,
    KeurmerkUpdate,
    LocatiesUpdate,
)
from inburgering.contracts.handlers import aanbiederregistratie, aanbieders
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
        duo_instellingsnummer=row["duo_instellingsnummer"],
        contact=(
            AanbiederContact(email=row["contact_email"], telefoon=row["contact_telefoon"])
            if row["contact_email"] or row["contact_telefoon"]
            else None
        ),
    )


async def _gelezen(uow: UowDep, kvk: str, inzage: aanbieders.Inzage) -> AanbiederRead:
    async with uow:
        row = await aanbieders.geef_aanbieder(uow, kvk, inzage)
        return _read(row, await aanbieders.geef_locaties(uow, row))


@router.post(
    "",
    status_code=201,
    response_model=AanbiederRead,
    responses=problem_responses(400, 401, 403, 409),
)
async def registreer_aanbieder(
    body: AanbiederCreate, principal: CurrentPrincipal, uow: UowDep, response: Response
) -> AanbiederRead:
    """Registreer een taalaanbieder (beheer, of een centrumgemeente die hem gaat contracteren):
    KvK-nummer, naam, keurmerk, erkenning voor het taalschakeltraject, het DUO-
    instellingsnummer, lesgemeenten en het loket voor het portaal. Eén aanbieder per KvK-nummer;
    wijzig daarna keurmerk en locaties via hun eigen resources."""
    aanbieder_beheer_inzage(principal)
    keurmerk = body.keurmerk
    opdracht = aanbiederregistratie.RegistreerAanbieder(
        kvk=body.kvk,
        naam=body.naam,
        keurmerk=(
            aanbieders.WijzigKeurmerk(
                status=keurmerk.status,
                nummer=keurmerk.nummer,
                geldig_van=keurmerk.geldig_van,
                geldig_tot=keurmerk.geldig_tot,
            )
            if keurmerk
            else None
        ),
        taalschakel=body.taalschakel,
        duo_instellingsnummer=body.duo_instellingsnummer,
        locaties=body.locaties,
        contact_email=body.contact.email if body.contact else None,
        contact_telefoon=body.contact.telefoon if body.contact else None,
    )
    async with uow:
        await aanbiederregistratie.registreer(uow, opdracht)
    async with uow:
        row = await aanbieders.geef_aanbieder(uow, body.kvk, aanbieders.BeheerInzage())
        gelezen = _read(row, await aanbieders.geef_locaties(uow, row))
    response.headers["Location"] = f"/v1/aanbieders/{body.kvk}"
    return gelezen


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
