from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response
from sqlalchemy.engine import RowMapping

from inburgering.contracts import handlers
from inburgering.contracts.api.dependencies import (
    RegelsDep,
    contract_inzage,
    contractbeheer_inzage,
    regio_inzage,
)
from inburgering.contracts.api.schemas import (
    Aandeel,
    ContractCreate,
    ContractRead,
    ContractUpdate,
    ContractVersieRead,
    Perceel,
)
from inburgering.contracts.domain.contractversie import Voorwaarden, Wijziging
from inburgering.contracts.domain.model import Periode
from inburgering.contracts.handlers import contractsluiting, contractwijziging
from inburgering.contracts.handlers.contracten import geef_contract
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/contracten", tags=["Contracten"])


@router.get(
    "",
    response_model=list[ContractRead],
    responses=problem_responses(400, 401, 403),
)
async def lijst_contracten(
    principal: CurrentPrincipal,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[ContractRead]:
    """Contracten van de samenwerkingsverbanden die de regio trekt (rol regio), of de eigen
    contracten (rol aanbieder)."""
    inzage = contract_inzage(principal)
    async with uow:
        rows = await handlers.lijst_contracten(uow, inzage, limit=limit, offset=offset)
    return [contract_read(row) for row in rows]


def contract_read(row: RowMapping) -> ContractRead:
    return ContractRead(
        id=row["id"],
        samenwerkingsverband_id=row["samenwerkingsverband_id"],
        aanbieder_kvk=row["aanbieder_kvk"],
        leerroute=row["leerroute"],
        capaciteit=row["capaciteit"],
        geplaatst=row["geplaatst"],
        prijs_eenheid=row["prijs_eenheid"],
        prijs_bedrag=row["prijs_bedrag"],
        status=row["status"],
        versie=row["versie"],
        doelgroep=row["doelgroep"],
        perceel=(
            Perceel(code=row["perceel_code"], naam=row["perceel_naam"] or row["perceel_code"])
            if row["perceel_code"]
            else None
        ),
        periode_start=row["periode_start_date"],
        periode_eind=row["periode_eind_date"],
        verlengingsopties=row["verlengingsopties"],
    )


@router.post(
    "",
    status_code=201,
    response_model=ContractRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def sluit_contract(
    body: ContractCreate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
    response: Response,
) -> ContractRead:
    """Leg een contract (perceel) vast dat de trekker van een samenwerkingsverband met een
    aanbieder sloot (rol regio als trekker, of beheer). De leerroute is die van het verband; de
    eerste voorwaarden worden versie 1. Een actief contract plaatst meteen wie op de wachtlijst
    van het verband staat."""
    wie = contractbeheer_inzage(principal)
    opdracht = contractsluiting.SluitContract(
        samenwerkingsverband_id=body.samenwerkingsverband_id,
        aanbieder_kvk=body.aanbieder_kvk,
        perceel_code=body.perceel.code if body.perceel else None,
        perceel_naam=body.perceel.naam if body.perceel else None,
        doelgroep=body.doelgroep,
        voorwaarden=Voorwaarden(
            capaciteit=body.capaciteit,
            prijs_eenheid=body.prijs_eenheid,
            prijs_bedrag=body.prijs_bedrag,
            status=body.status,
            periode=Periode(body.periode_start, body.periode_eind),
            verlengingsopties=body.verlengingsopties,
            aandelen={a.gemeentecode: a.capaciteit for a in body.aandelen},
        ),
        toelichting=body.toelichting,
    )
    async with uow:
        contract_id = await contractsluiting.sluit(
            uow, opdracht, wie, door=principal.subject, regels=regels
        )
        row = await contractsluiting.gesloten(uow, contract_id)
    response.headers["Location"] = f"/v1/contracten/{contract_id}"
    return contract_read(row)


@router.get(
    "/{contract_id}",
    response_model=ContractRead,
    responses=problem_responses(400, 401, 403, 404),
)
async def geef_een_contract(
    contract_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> ContractRead:
    """Eén contract van een samenwerkingsverband dat de regio trekt, of van de aanbieder zelf."""
    inzage = contract_inzage(principal)
    async with uow:
        return contract_read(await geef_contract(uow, contract_id, inzage))


@router.patch(
    "/{contract_id}",
    response_model=ContractRead,
    responses=problem_responses(400, 401, 403, 404, 409),
)
async def wijzig_contract(
    contract_id: UUID,
    body: ContractUpdate,
    principal: CurrentPrincipal,
    uow: UowDep,
    regels: RegelsDep,
) -> ContractRead:
    """Wijzig de voorwaarden van een contract (rol regio, als trekker van het
    samenwerkingsverband); de vorige voorwaarden blijven als versie bewaard."""
    inzage = regio_inzage(principal)
    wijziging = Wijziging(
        capaciteit=body.capaciteit,
        prijs_bedrag=body.prijs_bedrag,
        status=body.status,
        periode_eind=body.periode_eind,
        verlengingsopties=body.verlengingsopties,
        verlengen_tot=body.verlengen_tot,
        aandelen=(
            None if body.aandelen is None else {a.gemeentecode: a.capaciteit for a in body.aandelen}
        ),
    )
    async with uow:
        await contractwijziging.wijzig_contract(
            uow,
            contract_id,
            inzage,
            wijziging,
            door=principal.subject,
            toelichting=body.toelichting,
            regels=regels,
        )
    async with uow:
        return contract_read(await geef_contract(uow, contract_id, inzage))


@router.get(
    "/{contract_id}/versies",
    response_model=list[ContractVersieRead],
    responses=problem_responses(400, 401, 403, 404),
)
async def lijst_versies(
    contract_id: UUID, principal: CurrentPrincipal, uow: UowDep
) -> list[ContractVersieRead]:
    """Alle versies van de voorwaarden van een contract, oudste eerst."""
    inzage = contract_inzage(principal)
    async with uow:
        rows = await contractwijziging.lijst_versies(uow, contract_id, inzage)
    return [
        ContractVersieRead(
            versie=row["versie"],
            capaciteit=row["capaciteit"],
            prijs_eenheid=row["prijs_eenheid"],
            prijs_bedrag=row["prijs_bedrag"],
            status=row["status"],
            periode_start=row["periode_start_date"],
            periode_eind=row["periode_eind_date"],
            verlengingsopties=row["verlengingsopties"],
            aandelen=[Aandeel(**a) for a in row["aandelen"]],
            toelichting=row["toelichting"],
            gewijzigd_op=row["gewijzigd_at"],
        )
        for row in rows
    ]
