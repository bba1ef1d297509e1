"""The contract register of a samenwerkingsverband as CSV: upload a tender result, download it."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response

from inburgering.contracts.api.dependencies import RegelsDep, contractbeheer_inzage
from inburgering.contracts.api.schemas import ContractregisterResultaat
from inburgering.contracts.domain import contractregister
from inburgering.contracts.domain.contractregister import OngeldigRegister
from inburgering.contracts.domain.errors import OngeldigContractregister
from inburgering.contracts.handlers import contractregister as register
from inburgering.contracts.handlers.verbandbeheer import Beheerder
from inburgering.shared.auth import CurrentPrincipal
from inburgering.shared.http.problems import InvalidParam, problem_responses
from inburgering.shared.http.schemas import UowDep

router = APIRouter(prefix="/samenwerkingsverbanden", tags=["Contractregister"])

CSV = "text/csv"
_KOLOMMEN = ", ".join(f"`{k}`" for k in contractregister.KOLOMMEN)
_VERPLICHT = ", ".join(f"`{k}`" for k in contractregister.VERPLICHT)


def _wie(principal: CurrentPrincipal) -> Beheerder:
    return contractbeheer_inzage(principal)


WieDep = Annotated[Beheerder, Depends(_wie)]


def _probleem(fout: OngeldigRegister) -> OngeldigContractregister:
    params = [
        InvalidParam(
            name=(
                "bestand"
                if f.regel is None
                else f"regel[{f.regel}]" + (f".{f.kolom}" if f.kolom else "")
            ),
            code="ongeldig",
            reason=f.reden,
        )
        for f in fout.fouten
    ]
    regels = sorted({f.regel for f in fout.fouten if f.regel is not None})
    return OngeldigContractregister(
        f"{len(params)} fout(en) op {len(regels)} regel(s); er is niets opgeslagen.", params
    )


@router.post(
    "/{samenwerkingsverband_id}/contractregister",
    response_model=ContractregisterResultaat,
    responses=problem_responses(400, 401, 403, 404, 413),
    description=(
        "Laad het contractregister (de gunning van een aanbesteding) van een samenwerkingsverband "
        f"als CSV (trekker met rol regio, of beheer). Kolommen: {_KOLOMMEN}; verplicht: "
        f"{_VERPLICHT}. Komma of puntkomma als scheidingsteken, een bedrag met punt of komma. Het "
        "bestand wordt als geheel gecontroleerd: bij één fout volgt een 400 met elke foute regel "
        "en kolom, en wordt niets opgeslagen. Een regel die al met dezelfde voorwaarden bestaat, "
        "verandert niets: een bestand opnieuw laden is veilig. Een aanbieder die nog niet bekend "
        "is, wordt geregistreerd."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {CSV: {"schema": {"type": "string"}}},
        }
    },
)
async def importeer_contractregister(
    samenwerkingsverband_id: UUID,
    request: Request,
    principal: CurrentPrincipal,
    wie: WieDep,
    uow: UowDep,
    regels: RegelsDep,
) -> ContractregisterResultaat:
    inhoud = await request.body()
    try:
        gelezen = contractregister.lees(inhoud)
        async with uow:
            resultaat = await register.importeer(
                uow,
                samenwerkingsverband_id,
                wie,
                [regel for _, regel in gelezen],
                regelnummers=[nummer for nummer, _ in gelezen],
                door=principal.subject,
                toewijzing=regels,
            )
    except OngeldigRegister as fout:
        raise _probleem(fout) from None
    return ContractregisterResultaat(
        aangemaakt=resultaat.aangemaakt,
        ongewijzigd=resultaat.ongewijzigd,
        aanbieders_geregistreerd=resultaat.aanbieders_geregistreerd,
    )


@router.get(
    "/{samenwerkingsverband_id}/contractregister",
    response_class=Response,
    responses={
        200: {"content": {CSV: {"schema": {"type": "string"}}}, "description": "Het register"},
        **problem_responses(400, 401, 403, 404),
    },
)
async def exporteer_contractregister(
    samenwerkingsverband_id: UUID, wie: WieDep, uow: UowDep
) -> Response:
    """Het contractregister van het samenwerkingsverband als CSV, in de kolommen die het laden
    leest (trekker met rol regio, of beheer)."""
    async with uow:
        rijen = await register.exporteer(uow, samenwerkingsverband_id, wie)
    return Response(
        contractregister.schrijf(rijen),
        media_type=f"{CSV}; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="contractregister.csv"'},
    )
