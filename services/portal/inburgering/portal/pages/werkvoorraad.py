"""The klantmanager's worklist and the page of one inburgeraar, for a gemeente (rol gemeente).
Every service filters to the user's own gemeenten itself; the portal adds no rights."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from inburgering.portal import tijdlijn, werkvoorraad
from inburgering.portal.adapters.diensten import Diensten
from inburgering.portal.adapters.lijsten import Lijst, alle, gebeurtenissen
from inburgering.portal.afhankelijkheden import DienstenDep
from inburgering.portal.errors import GeenToegang, NietGevonden
from inburgering.portal.sessie import Gebruiker, HuidigeGebruiker
from inburgering.portal.templating import toon
from inburgering.shared.kalender import NEDERLAND, nederlandse_datum

router = APIRouter()


def _klantmanager(gebruiker: HuidigeGebruiker) -> Gebruiker:
    if gebruiker.rol != "gemeente":
        raise GeenToegang("Deze pagina is voor de klantmanager van een gemeente (rol gemeente).")
    return gebruiker


Klantmanager = Annotated[Gebruiker, Depends(_klantmanager)]


def _vandaag() -> date:
    return nederlandse_datum(datetime.now(NEDERLAND))


async def _termijnen(diensten: Diensten, token: str, deadline: str, weken: int) -> Lijst:
    params = {"deadline": deadline, "deadlineBinnenWeken": weken}
    return await alle(diensten, "routes", "/v1/leerroute-adviezen", token, params)


async def _feeds(diensten: Diensten, gebruiker: Gebruiker) -> Lijst:
    feeds = await asyncio.gather(
        *(gebeurtenissen(diensten, gebruiker.token, code) for code in gebruiker.gemeentecodes)
    )
    return Lijst(
        items=[g for feed in feeds for g in feed.items], volledig=all(f.volledig for f in feeds)
    )


@router.get("/werkvoorraad")
async def werkvoorraadpagina(
    request: Request, gebruiker: Klantmanager, diensten: DienstenDep
) -> Response:
    token = gebruiker.token
    (
        personen,
        feed,
        routewijziging,
        einde,
        venster,
        duo,
        plaatsingen,
        verwijzingen,
    ) = await asyncio.gather(
        alle(diensten, "intake", "/v1/inburgeraars", token),
        _feeds(diensten, gebruiker),
        _termijnen(diensten, token, "routewijziging", werkvoorraad.ROUTEWIJZIGING_WEKEN),
        _termijnen(diensten, token, "einde", werkvoorraad.EINDE_WEKEN),
        _termijnen(diensten, token, "verlengingsvenster", werkvoorraad.VENSTER_WEKEN),
        alle(diensten, "intake", "/v1/duo-notificaties", token, {"status": "geparkeerd"}),
        alle(diensten, "contracts", "/v1/plaatsingen", token),
        alle(diensten, "referrals", "/v1/verwijzingen", token),
    )
    vandaag = _vandaag()
    per_id = {p["id"]: p for p in personen.items}
    items = werkvoorraad.gesorteerd(
        [
            *werkvoorraad.pip_termijnen(feed.items, per_id, vandaag),
            *werkvoorraad.routewijzigingen(routewijziging.items, vandaag),
            *werkvoorraad.termijneinden(einde.items, vandaag),
            *werkvoorraad.vensteropeningen(venster.items, vandaag),
            *werkvoorraad.geparkeerde_notificaties(duo.items, vandaag),
            *werkvoorraad.wachtende_plaatsingen(plaatsingen.items, vandaag),
            *werkvoorraad.vastgelopen_verwijzingen(verwijzingen.items, vandaag),
        ]
    )
    bronnen = (personen, feed, routewijziging, einde, venster, duo, plaatsingen, verwijzingen)
    context = {
        "items": items,
        "aantallen": werkvoorraad.aantallen(items),
        "soorten": werkvoorraad.SOORTEN,
        "vandaag": vandaag,
        "onvolledig": not all(b.volledig for b in bronnen),
        "weken": {
            "routewijziging": werkvoorraad.ROUTEWIJZIGING_WEKEN,
            "einde": werkvoorraad.EINDE_WEKEN,
            "venster": werkvoorraad.VENSTER_WEKEN,
        },
    }
    return toon(request, "werkvoorraad.html", context)


async def _of_niets(aanroep: Any) -> Any:
    """A part the service does not have yet (no termijn before the first PIP) is simply absent."""
    try:
        return await aanroep
    except NietGevonden:
        return None


@router.get("/inburgeraars/{inburgeraar_id}")
async def inburgeraarpagina(
    request: Request, inburgeraar_id: UUID, gebruiker: Klantmanager, diensten: DienstenDep
) -> Response:
    token = gebruiker.token
    pad = f"/v1/inburgeraars/{inburgeraar_id}"
    # Intake first: it answers 404 for a person of another gemeente, and then nothing else is asked.
    persoon = await diensten.json("intake", pad, token)
    per_persoon = {"inburgeraarId": str(inburgeraar_id)}
    pips, duo, adviezen, termijn, plaatsingen, verwijzingen, feed = await asyncio.gather(
        diensten.json("intake", pad + "/pips", token),
        diensten.json("intake", pad + "/duo-gebeurtenissen", token),
        diensten.json("routes", "/v1/leerroute-adviezen", token, per_persoon),
        _of_niets(diensten.json("routes", f"/v1/inburgeringstermijnen/{inburgeraar_id}", token)),
        alle(diensten, "contracts", "/v1/plaatsingen", token, per_persoon),
        alle(diensten, "referrals", "/v1/verwijzingen", token, per_persoon),
        gebeurtenissen(diensten, token, persoon["gemeentecode"]),
    )
    over_persoon = tijdlijn.van_persoon(feed.items, str(inburgeraar_id))
    context = {
        "persoon": persoon,
        "pips": pips,
        "adviezen": adviezen,
        "termijn": termijn,
        "plaatsingen": plaatsingen.items,
        "verwijzingen": verwijzingen.items,
        "tijdlijn": tijdlijn.tijdlijn(over_persoon, duo),
        "tijdlijn_volledig": feed.volledig,
    }
    return toon(request, "inburgeraar.html", context)
