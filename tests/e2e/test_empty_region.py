"""A region starts from nothing and sets itself up through the API, with real processes.

No demo data: beheer founds a B1-route and a Z-route samenwerkingsverband with different members,
Eindhoven as their lead registers a provider and contracts it for each route. A Best inburgeraar
is placed at the B1 contract, waits uncovered for the Z-route (Best is no member there), and once
Best has left the B1 verband a new B1 decision for Best is no longer placed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from inburgering.shared.auth import Rol
from tests.e2e.flow import random_bsn, register_with_intake
from tests.e2e.platform import RunningPlatform, eventually, token

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

EINDHOVEN, BEST = "GM0772", "GM0753"
KVK = "94000001"


def _vandaag() -> date:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def _verband(leerroute: str, leden: list[str]) -> dict[str, Any]:
    start = _vandaag() - timedelta(days=60)
    return {
        "naam": f"{leerroute} Zuidoost-Brabant",
        "leerroute": leerroute,
        "leadGemeentecode": EINDHOVEN,
        "periodeStart": str(start),
        "periodeEind": str(start + timedelta(days=1460)),
        "leden": [{"gemeentecode": code, "ingangsdatum": str(start)} for code in leden],
    }


async def _besluit(
    client: httpx.AsyncClient, platform: RunningPlatform, leerroute: str
) -> dict[str, Any]:
    """A Best asielstatushouder through intake and routes; the placement contracts made."""
    best = token(gemeentecodes=[BEST])
    inburgeraar_id = await register_with_intake(
        client,
        platform,
        bsn=random_bsn(),
        gemeentecode=BEST,
        ambitie="hbo",
        opleidingsniveau="wo",
    )
    query = {"inburgeraarId": inburgeraar_id}

    async def advies() -> str | None:
        found = await client.get(
            platform.url("routes", "/v1/leerroute-adviezen"), params=query, headers=best
        )
        return found.json()[0]["id"] if found.json() else None

    advies_id = await eventually(advies)
    vastgesteld = await client.post(
        platform.url("routes", f"/v1/leerroute-adviezen/{advies_id}/vaststellen"),
        json={"leerroute": leerroute, "motivering": "Gekozen in het gesprek over het PIP."},
        headers=best,
    )
    assert vastgesteld.status_code == 200, vastgesteld.text

    async def plaatsing() -> dict[str, Any] | None:
        found = await client.get(
            platform.url("contracts", "/v1/plaatsingen"), params=query, headers=best
        )
        return found.json()[0] if found.json() else None

    return await eventually(plaatsing)


async def test_a_region_set_up_through_the_api_places_by_route_and_membership(
    empty_platform: RunningPlatform,
) -> None:
    platform = empty_platform
    contracts = platform.urls["contracts"] + "/v1"
    lead = token(Rol.REGIO, gemeentecodes=[EINDHOVEN])
    async with httpx.AsyncClient(timeout=10) as client:
        leeg = await client.get(f"{contracts}/samenwerkingsverbanden", headers=lead)
        assert leeg.json() == [], "the platform started with a region it was not given"

        beheer = token(Rol.BEHEER)
        verbanden = {}
        for leerroute, leden in (("b1-route", [EINDHOVEN, BEST]), ("z-route", [EINDHOVEN])):
            opgericht = await client.post(
                f"{contracts}/samenwerkingsverbanden",
                json=_verband(leerroute, leden),
                headers=beheer,
            )
            assert opgericht.status_code == 201, opgericht.text
            verbanden[leerroute] = opgericht.json()["id"]
        aanbieder = await client.post(
            f"{contracts}/aanbieders",
            json={
                "kvk": KVK,
                "naam": "Taalcentrum De Kempen",
                "keurmerk": {"status": "geldig", "geldigTot": "2099-12-31"},
                "duoInstellingsnummer": "00002B0001",
            },
            headers=lead,
        )
        assert aanbieder.status_code == 201, aanbieder.text
        contracten = {}
        for leerroute, verband_id in verbanden.items():
            gesloten = await client.post(
                f"{contracts}/contracten",
                json={
                    "samenwerkingsverbandId": verband_id,
                    "aanbiederKvk": KVK,
                    "perceel": {"code": leerroute, "naam": f"Perceel {leerroute}"},
                    "capaciteit": 5,
                    "prijsEenheid": "traject",
                    "periodeStart": str(_vandaag() - timedelta(days=30)),
                    "periodeEind": str(_vandaag() + timedelta(days=700)),
                },
                headers=lead,
            )
            assert gesloten.status_code == 201, gesloten.text
            assert gesloten.json()["leerroute"] == leerroute
            contracten[leerroute] = gesloten.json()["id"]

        b1 = await _besluit(client, platform, "b1-route")
        assert (b1["status"], b1["contractId"], b1["aanbiederKvk"]) == (
            "aangevraagd",
            contracten["b1-route"],
            KVK,
        )
        z = await _besluit(client, platform, "z-route")
        assert (z["status"], z["contractId"]) == ("wachtlijst", None)

        # Best hears it in its own feed: no samenwerkingsverband covers this person's route.
        async def signaal() -> dict[str, Any] | None:
            feed = await client.get(
                platform.url("subscriptions", "/v1/gebeurtenissen"),
                params={"gemeentecode": BEST, "limit": 500},
                headers=token(gemeentecodes=[BEST]),
            )
            assert feed.status_code == 200, feed.text
            return next(
                (
                    e["data"]
                    for e in feed.json()
                    if e["type"] == "nl.inburgering.capaciteit-uitgeput"
                    and e["data"]["plaatsingId"] == z["id"]
                ),
                None,
            )

        uitgeput = await eventually(signaal)
        assert (uitgeput["samenwerkingsverbandId"], uitgeput["leadGemeentecode"]) == (None, None)

        uitgetreden = await client.patch(
            f"{contracts}/samenwerkingsverbanden/{verbanden['b1-route']}/leden/{BEST}",
            json={"einddatum": str(_vandaag())},
            headers=lead,
        )
        assert uitgetreden.status_code == 200, uitgetreden.text
        na = await _besluit(client, platform, "b1-route")
        assert (na["status"], na["contractId"]) == ("wachtlijst", None)
        # The placement made while Best was a member runs on.
        eerder = await client.get(
            f"{contracts}/plaatsingen/{b1['id']}", headers=token(gemeentecodes=[BEST])
        )
        assert eerder.json()["status"] == "aangevraagd"
        bezetting = await client.get(
            f"{contracts}/contracten/{contracten['b1-route']}", headers=lead
        )
        assert bezetting.json()["geplaatst"] == 1
