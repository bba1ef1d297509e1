"""Commands that name an inburgeraar accept only the caller's own people.

Tilburg names Eindhoven's inburgeraar (and leerroute decision) in the two commands that create
work for a person in another service: a placement on request and a referral to hbo/wo. Before
and after Eindhoven's decision it gets exactly the answer that random ids get, and Eindhoven's
own flow afterwards still yields its placement and referral (a forged write used to claim the
person for Tilburg, so that Eindhoven's own decision was parked as a tenant mismatch)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.e2e.flow import random_bsn, register_with_intake
from tests.e2e.platform import RunningPlatform, eventually, token

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

EINDHOVEN, TILBURG = "GM0772", "GM0855"


def _plaatsing(inburgeraar_id: str, besluit_id: str) -> dict[str, Any]:
    return {
        "inburgeraarId": inburgeraar_id,
        "gemeentecode": TILBURG,
        "leerroute": "onderwijsroute",
        "doelgroep": "gezinsmigrant",
        "leerrouteBesluitId": besluit_id,
    }


def _verwijzing(inburgeraar_id: str) -> dict[str, Any]:
    return {
        "inburgeraarId": inburgeraar_id,
        "gemeentecode": TILBURG,
        "niveau": "hbo",
        "leerroute": "onderwijsroute",
    }


def _answer(response: httpx.Response) -> tuple[int, str | None]:
    return response.status_code, response.json().get("code")


async def _forge(
    client: httpx.AsyncClient, platform: RunningPlatform, inburgeraar_id: str, besluit_id: str
) -> list[str]:
    """Each forged write that succeeded or answered otherwise than for random ids."""
    tilburg = token(gemeentecodes=[TILBURG])
    onbekend, onbekend_besluit = str(uuid.uuid4()), str(uuid.uuid4())
    calls = {
        "plaatsing": (
            "contracts",
            "/v1/plaatsingen",
            _plaatsing(inburgeraar_id, besluit_id),
            _plaatsing(onbekend, onbekend_besluit),
        ),
        "verwijzing": (
            "referrals",
            "/v1/verwijzingen",
            _verwijzing(inburgeraar_id),
            _verwijzing(onbekend),
        ),
    }
    found = []
    for name, (service, path, forged, random_ids) in calls.items():
        real = await client.post(platform.url(service, path), json=forged, headers=tilburg)
        fake = await client.post(platform.url(service, path), json=random_ids, headers=tilburg)
        if real.is_success or fake.is_success or _answer(real) != _answer(fake):
            found.append(f"{name}: {_answer(real)} for A's person, {_answer(fake)} for random ids")
        elif real.status_code != 404:
            found.append(f"{name}: {_answer(real)} instead of 404")
    return found


async def test_another_gemeente_cannot_attach_work_to_your_inburgeraar(
    postgres_platform: RunningPlatform,
) -> None:
    platform = postgres_platform
    eindhoven = token(gemeentecodes=[EINDHOVEN])
    async with httpx.AsyncClient(timeout=10) as client:
        inburgeraar_id = await register_with_intake(
            client,
            platform,
            bsn=random_bsn(),
            gemeentecode=EINDHOVEN,
            ambitie="hbo",
            opleidingsniveau="wo",
        )
        query = {"inburgeraarId": inburgeraar_id}

        async def advies() -> dict[str, Any] | None:
            found = await client.get(
                platform.url("routes", "/v1/leerroute-adviezen"), params=query, headers=eindhoven
            )
            return found.json()[0] if found.json() else None

        advies_id = (await eventually(advies))["id"]
        assert await _forge(client, platform, inburgeraar_id, advies_id) == []

        vastgesteld = await client.post(
            platform.url("routes", f"/v1/leerroute-adviezen/{advies_id}/vaststellen"),
            json={},
            headers=eindhoven,
        )
        assert vastgesteld.status_code == 200, vastgesteld.text

        async def listed(service: str, path: str, headers: dict[str, str]) -> list[dict]:
            found = await client.get(platform.url(service, path), params=query, headers=headers)
            assert found.status_code == 200, found.text
            return found.json()

        async def own_work() -> tuple[list[dict], list[dict]] | None:
            plaatsingen = await listed("contracts", "/v1/plaatsingen", eindhoven)
            verwijzingen = await listed("referrals", "/v1/verwijzingen", eindhoven)
            return (plaatsingen, verwijzingen) if plaatsingen and verwijzingen else None

        plaatsingen, verwijzingen = await eventually(own_work)
        assert [p["gemeentecode"] for p in plaatsingen] == [EINDHOVEN]
        assert [v["gemeentecode"] for v in verwijzingen] == [EINDHOVEN]

        # Now that both services know the person, a forged write still reveals nothing.
        assert await _forge(client, platform, inburgeraar_id, advies_id) == []
        assert len(await listed("contracts", "/v1/plaatsingen", eindhoven)) == 1
        assert len(await listed("referrals", "/v1/verwijzingen", eindhoven)) == 1
        privacy_tilburg = token(gemeentecodes=[TILBURG], permissions=["privacy"])
        for service in ("contracts", "referrals"):
            assert await listed(service, "/v1/dataverwerkingen", privacy_tilburg) == []
