"""The province's hbo/wo network, for its coordinators: a lead gemeente of the network (rol
regio) or the province (rol beheer). Referrals decides what each sees; the portal adds no rights."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from inburgering.portal import netwerk
from inburgering.portal.adapters.diensten import Diensten
from inburgering.portal.adapters.lijsten import alle
from inburgering.portal.afhankelijkheden import DienstenDep
from inburgering.portal.errors import GeenToegang
from inburgering.portal.sessie import Gebruiker, HuidigeGebruiker
from inburgering.portal.templating import toon
from inburgering.shared.kalender import NEDERLAND, nederlandse_datum

router = APIRouter()

# One request per programme for its cohorts; a handful at a time, not the whole catalogue at once.
GELIJKTIJDIG = 8


def _coordinator(gebruiker: HuidigeGebruiker) -> Gebruiker:
    if gebruiker.rol not in ("regio", "beheer"):
        raise GeenToegang(
            "De netwerkpagina is voor een lead-gemeente van het hbo/wo-netwerk (rol regio) "
            "en voor de provincie (rol beheer)."
        )
    return gebruiker


Coordinator = Annotated[Gebruiker, Depends(_coordinator)]


def _vandaag() -> date:
    return nederlandse_datum(datetime.now(NEDERLAND))


async def _cohorten(
    diensten: Diensten, token: str, opleidingen: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    slot = asyncio.Semaphore(GELIJKTIJDIG)

    async def van(opleiding_id: str) -> list[dict[str, Any]]:
        async with slot:
            return await diensten.json(
                "referrals", f"/v1/opleidingen/{opleiding_id}/cohorten", token
            )

    ids = [o["id"] for o in opleidingen]
    return dict(zip(ids, await asyncio.gather(*(van(i) for i in ids)), strict=True))


@router.get("/netwerk")
async def netwerkpagina(
    request: Request, gebruiker: Coordinator, diensten: DienstenDep
) -> Response:
    token = gebruiker.token
    # The statistics first: a regio that leads no network gets referrals' 403 before anything else.
    statistiek = await diensten.json("referrals", "/v1/statistieken/verwijzingen", token)
    instellingen, opleidingen = await asyncio.gather(
        diensten.json("referrals", "/v1/netwerk/instellingen", token),
        alle(diensten, "referrals", "/v1/opleidingen", token),
    )
    cohorten = await _cohorten(diensten, token, opleidingen.items)
    vandaag = _vandaag()
    context = {
        "netwerk": netwerk.weergave(statistiek, instellingen, opleidingen.items, cohorten, vandaag),
        "weergaven": netwerk.WEERGAVEN,
        "vandaag": vandaag,
        "onvolledig": not opleidingen.volledig,
    }
    return toon(request, "netwerk.html", context)
