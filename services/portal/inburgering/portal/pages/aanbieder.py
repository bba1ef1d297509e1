"""The provider's own placements (rol aanbieder, with its KvK number): what to accept, the
trajectories running and their attendance. Contracts answers only for the token's own KvK number,
and a placement at another provider is a 404 there, as here."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from inburgering.portal import aanbieder
from inburgering.portal.adapters.diensten import Diensten
from inburgering.portal.adapters.lijsten import Lijst, alle
from inburgering.portal.afhankelijkheden import DienstenDep
from inburgering.portal.errors import GeenToegang, Geweigerd
from inburgering.portal.sessie import Gebruiker, HuidigeGebruiker, meld, melding
from inburgering.portal.templating import toon
from inburgering.shared.kalender import NEDERLAND, nederlandse_datum

router = APIRouter(prefix="/plaatsingen")

GELIJKTIJDIG = 8


def _aanbieder(gebruiker: HuidigeGebruiker) -> Gebruiker:
    if gebruiker.rol != "aanbieder" or not gebruiker.kvk:
        raise GeenToegang("Deze pagina is voor een aanbieder, ingelogd met zijn KvK-nummer.")
    return gebruiker


Aanbieder = Annotated[Gebruiker, Depends(_aanbieder)]


def _vandaag() -> date:
    return nederlandse_datum(datetime.now(NEDERLAND))


async def _uren(
    diensten: Diensten, token: str, plaatsingen: list[dict[str, Any]]
) -> dict[str, aanbieder.Uren]:
    slot = asyncio.Semaphore(GELIJKTIJDIG)
    lopend = [p["id"] for p in plaatsingen if p["status"] == "gestart"]

    async def van(plaatsing_id: str) -> aanbieder.Uren:
        async with slot:
            pad = f"/v1/plaatsingen/{plaatsing_id}/uren"
            return aanbieder.uren(await diensten.json("contracts", pad, token))

    return dict(zip(lopend, await asyncio.gather(*(van(i) for i in lopend)), strict=True))


async def _pagina(
    request: Request,
    gebruiker: Gebruiker,
    diensten: DienstenDep,
    *,
    invoer: dict[str, str] | None = None,
    fouten: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    plaatsingen: Lijst = await alle(diensten, "contracts", "/v1/plaatsingen", gebruiker.token)
    uren = await _uren(diensten, gebruiker.token, plaatsingen.items)
    vandaag = _vandaag()
    context = {
        "weergave": aanbieder.indeling(plaatsingen.items, uren, vandaag),
        "standen": aanbieder.STANDEN,
        "afwezigheid": aanbieder.AFWEZIGHEID,
        "vandaag": vandaag,
        "onvolledig": not plaatsingen.volledig,
        "melding": melding(request),
        "invoer": invoer or {},
        "fouten": fouten or {},
    }
    return toon(request, "aanbieder.html", context, status=status)


@router.get("")
async def plaatsingenpagina(
    request: Request, gebruiker: Aanbieder, diensten: DienstenDep
) -> Response:
    return await _pagina(request, gebruiker, diensten)


@router.post("/{plaatsing_id}/acceptatie")
async def accepteer(
    request: Request, plaatsing_id: UUID, gebruiker: Aanbieder, diensten: DienstenDep
) -> Response:
    """Contracts accepts or refuses; another provider's placement is its 404, shown as such."""
    pad = f"/v1/plaatsingen/{plaatsing_id}/acceptatie"
    kort = str(plaatsing_id)[:8]
    try:
        await diensten.post("contracts", pad, gebruiker.token, {})
    except Geweigerd as fout:
        meld(request, "fout", f"Plaatsing {kort} is niet geaccepteerd: {fout.toelichting}")
    else:
        meld(
            request,
            "goed",
            f"Plaatsing {kort} is geaccepteerd. Meld de start als de cursus begint.",
        )
    return RedirectResponse("/plaatsingen", status_code=303)


@router.post("/aanwezigheid")
async def meld_aanwezigheid(
    request: Request, gebruiker: Aanbieder, diensten: DienstenDep
) -> Response:
    formulier = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    invoer = {veld: formulier.get(veld, "") for veld in aanbieder.VELDEN}
    lopend = [
        p["id"]
        for p in (await alle(diensten, "contracts", "/v1/plaatsingen", gebruiker.token)).items
        if p["status"] == "gestart"
    ]
    body, fouten = aanbieder.aanwezigheid(invoer, lopend)
    if not fouten:
        pad = f"/v1/plaatsingen/{invoer['plaatsing']}/aanwezigheid"
        try:
            totalen = aanbieder.uren(await diensten.post("contracts", pad, gebruiker.token, body))
        except Geweigerd as fout:
            fouten = {v: t for v, t in fout.velden.items() if v in aanbieder.VELDEN} or {
                "formulier": fout.toelichting or "Contracts nam de melding niet aan."
            }
        else:
            meld(
                request,
                "goed",
                f"Aanwezigheid op {body['datum']} gemeld voor traject {invoer['plaatsing'][:8]}. "
                f"Samen nu {totalen.aanwezig:g} uur aanwezig, "
                f"{totalen.geoorloofd_afwezig:g} uur geoorloofd en "
                f"{totalen.ongeoorloofd_afwezig:g} uur ongeoorloofd afwezig.",
            )
            return RedirectResponse("/plaatsingen#aanwezigheid", status_code=303)
    return await _pagina(request, gebruiker, diensten, invoer=invoer, fouten=fouten, status=400)
