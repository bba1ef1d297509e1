"""Procurement for the lead gemeente: its verbanden, their demand forecast and contracts."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from inburgering.portal import weergave
from inburgering.portal.adapters.diensten import Diensten
from inburgering.portal.afhankelijkheden import DienstenDep
from inburgering.portal.errors import GeenToegang
from inburgering.portal.sessie import Gebruiker, HuidigeGebruiker
from inburgering.portal.templating import toon

router = APIRouter(prefix="/inkoop")


Kwartalen = Annotated[int, Query(ge=4, le=8)]


def _inkoper(gebruiker: HuidigeGebruiker) -> Gebruiker:
    # The services decide too; asking first gives a clear page instead of a half-empty one.
    if gebruiker.rol != "regio":
        raise GeenToegang(
            "De inkooppagina is voor de trekker van een samenwerkingsverband (rol regio)."
        )
    return gebruiker


Inkoper = Annotated[Gebruiker, Depends(_inkoper)]


async def _contracten(diensten: Diensten, token: str) -> list[dict[str, Any]]:
    return await diensten.json("contracts", "/v1/contracten", token, {"limit": 200})


@router.get("")
async def inkoopoverzicht(request: Request, gebruiker: Inkoper, diensten: DienstenDep) -> Response:
    verbanden, contracten = await asyncio.gather(
        diensten.json("contracts", "/v1/samenwerkingsverbanden", gebruiker.token),
        _contracten(diensten, gebruiker.token),
    )
    context = {
        "verbanden": weergave.geleid_door(verbanden, gebruiker.gemeentecodes),
        "contracten": weergave.per_verband(contracten),
    }
    return toon(request, "inkoop.html", context)


@router.get("/verbanden/{verband_id}")
async def verbandpagina(
    request: Request,
    verband_id: UUID,
    gebruiker: Inkoper,
    diensten: DienstenDep,
    kwartalen: Kwartalen = 6,
) -> Response:
    pad = f"/v1/samenwerkingsverbanden/{verband_id}"
    verband, prognose, contracten = await asyncio.gather(
        diensten.json("contracts", pad, gebruiker.token),
        diensten.json("contracts", pad + "/prognose", gebruiker.token, {"kwartalen": kwartalen}),
        _contracten(diensten, gebruiker.token),
    )
    context = {
        "verband": verband,
        "prognose": weergave.prognose(prognose),
        "kwartalen": kwartalen,
        "contracten": weergave.per_verband(contracten).get(str(verband_id), []),
    }
    return toon(request, "verband.html", context)


@router.get("/verbanden/{verband_id}/prognose.csv")
async def prognose_als_csv(
    verband_id: UUID, gebruiker: Inkoper, diensten: DienstenDep, kwartalen: Kwartalen = 6
) -> Response:
    """The service's own CSV, passed through with the user's token."""
    pad = f"/v1/samenwerkingsverbanden/{verband_id}/prognose"
    inhoud = await diensten.csv("contracts", pad, gebruiker.token, {"kwartalen": kwartalen})
    return Response(
        inhoud,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="prognose-{verband_id}.csv"'},
    )
