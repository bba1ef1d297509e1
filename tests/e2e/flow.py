"""The walking-skeleton flow, driven through the public APIs only."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import httpx

from inburgering.shared.auth import Rol
from tests.e2e.platform import RunningPlatform, eventually, token


@dataclass
class FlowResult:
    inburgeraar_id: str
    advies: dict[str, Any]
    plaatsing: dict[str, Any]
    verwijzing: dict[str, Any] | None
    pip_id: str | None = None
    # Further objects a test created for this inburgeraar's gemeente, by path parameter name.
    seeded: dict[str, str] = field(default_factory=dict)


async def register_with_intake(
    client: httpx.AsyncClient,
    platform: RunningPlatform,
    *,
    bsn: str,
    gemeentecode: str,
    ambitie: str,
    opleidingsniveau: str,
    headers: dict[str, str] | None = None,
) -> str:
    auth = {**token(gemeentecodes=[gemeentecode]), **(headers or {})}
    created = await client.post(
        platform.url("intake", "/v1/inburgeraars"),
        json={
            "bsn": bsn,
            "gemeentecode": gemeentecode,
            "doelgroep": "asielstatushouder",
            "geboortedatum": "2000-05-17",
            "contactgegevens": {"naam": {"geslachtsnaam": "Proef"}},
        },
        headers=auth,
    )
    assert created.status_code == 201, created.text
    inburgeraar_id = created.json()["id"]
    intake = await client.post(
        platform.url("intake", f"/v1/inburgeraars/{inburgeraar_id}/brede-intake"),
        json={
            "leerbaarheidstoets": "b1-haalbaar",
            "opleidingsniveau": opleidingsniveau,
            "ambitie": ambitie,
            "afgerondDatum": "2026-11-02",
            "rechtOpAlleenSprekenMeegedeeld": True,
            "alfabetisering": "NVT",
        },
        headers=auth,
    )
    assert intake.status_code == 201, intake.text
    return inburgeraar_id


async def run_skeleton_flow(
    platform: RunningPlatform,
    *,
    bsn: str,
    gemeentecode: str = "GM0772",
    ambitie: str = "hbo",
    opleidingsniveau: str = "wo",
    headers: dict[str, str] | None = None,
) -> FlowResult:
    auth = token(gemeentecodes=[gemeentecode])
    async with httpx.AsyncClient(timeout=10) as client:
        inburgeraar_id = await register_with_intake(
            client,
            platform,
            bsn=bsn,
            gemeentecode=gemeentecode,
            ambitie=ambitie,
            opleidingsniveau=opleidingsniveau,
            headers=headers,
        )
        query = {"inburgeraarId": inburgeraar_id}

        async def advies() -> dict[str, Any] | None:
            response = await client.get(
                platform.url("routes", "/v1/leerroute-adviezen"), params=query, headers=auth
            )
            assert response.status_code == 200, response.text
            return response.json()[0] if response.json() else None

        geadviseerd = await eventually(advies)
        confirmed = await client.post(
            platform.url("routes", f"/v1/leerroute-adviezen/{geadviseerd['id']}/vaststellen"),
            json={},
            headers=auth,
        )
        assert confirmed.status_code == 200, confirmed.text

        async def plaatsing() -> dict[str, Any] | None:
            response = await client.get(
                platform.url("contracts", "/v1/plaatsingen"), params=query, headers=auth
            )
            assert response.status_code == 200, response.text
            return response.json()[0] if response.json() else None

        geplaatst = await eventually(plaatsing)
        verwijzing = None
        if ambitie in ("hbo", "wo") and geadviseerd["geadviseerdeLeerroute"] == "onderwijsroute":

            async def verwezen() -> dict[str, Any] | None:
                response = await client.get(
                    platform.url("referrals", "/v1/verwijzingen"), params=query, headers=auth
                )
                assert response.status_code == 200, response.text
                return response.json()[0] if response.json() else None

            verwijzing = await eventually(verwezen)
        aanbieder = await client.get(
            platform.url("contracts", f"/v1/plaatsingen/{geplaatst['id']}"),
            headers=token(Rol.AANBIEDER, kvk=geplaatst["aanbiederKvk"]),
        )
        assert aanbieder.status_code == 200, aanbieder.text
    return FlowResult(inburgeraar_id, confirmed.json(), geplaatst, verwijzing)


def random_bsn() -> str:
    """A fresh number passing the elfproef, so that reruns never meet an earlier registration."""
    while True:
        digits = [random.randint(1, 9)] + [random.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, [*digits, check]))
