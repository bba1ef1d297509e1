"""An hbo ambition travels from intake through routes to a referral that an institution admits."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from inburgering.referrals.seed import instelling_id
from inburgering.shared.auth import Rol
from tests.e2e.flow import run_skeleton_flow
from tests.e2e.platform import RunningPlatform, token

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

EINDHOVEN = "GM0772"
FONTYS = instelling_id("fontys")


async def test_hbo_ambition_is_referred_submitted_admitted_and_seen_by_the_gemeente(
    postgres_platform: RunningPlatform,
) -> None:
    result = await run_skeleton_flow(
        postgres_platform, bsn="999990123", gemeentecode=EINDHOVEN, ambitie="hbo"
    )
    assert result.advies["vastgesteldeLeerroute"] == "onderwijsroute"
    assert result.verwijzing is not None
    verwijzing_id = result.verwijzing["id"]
    assert result.verwijzing["status"] == "aangemaakt"

    referrals = postgres_platform.urls["referrals"] + "/v1"
    gemeente = token(gemeentecodes=[EINDHOVEN])
    instelling = token(Rol.INSTELLING, instelling=str(FONTYS))
    async with httpx.AsyncClient(base_url=referrals, timeout=10) as client:

        async def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
            assert response.status_code == status, response.text
            return response.json()

        # The institution opens a cohort of its own programme, so the dates never lie behind us.
        programmes = await ok(
            await client.get("/opleidingen", params={"instellingId": str(FONTYS)}, headers=gemeente)
        )
        programme = next(p for p in programmes if p["soort"] == "pre-bachelor-hbo")
        today = date.today()
        cohort = await ok(
            await client.post(
                f"/opleidingen/{programme['id']}/cohorten",
                json={
                    "aanmelddeadline": (today + timedelta(days=60)).isoformat(),
                    "startdatum": (today + timedelta(days=90)).isoformat(),
                    "einddatum": (today + timedelta(days=600)).isoformat(),
                    "plaatsen": 16,
                },
                headers=instelling,
            ),
            201,
        )

        await ok(
            await client.put(
                f"/verwijzingen/{verwijzing_id}/dossier",
                json={
                    "diplomawaardering": "vwo",
                    "taalniveau": "B1",
                    "geboortejaar": today.year - 25,
                },
                headers=gemeente,
            )
        )
        submitted = await ok(
            await client.post(
                f"/verwijzingen/{verwijzing_id}/indiening",
                json={"cohortId": cohort["id"]},
                headers=gemeente,
            )
        )
        assert submitted["status"] == "ingediend"

        aanmelding = await ok(
            await client.get(f"/aanmeldingen/{verwijzing_id}", headers=instelling)
        )
        assert "inburgeraarId" not in aanmelding
        await ok(await client.post(f"/aanmeldingen/{verwijzing_id}/intake", headers=instelling))
        await ok(
            await client.post(
                f"/aanmeldingen/{verwijzing_id}/toelatingsbesluit",
                json={"toegelaten": True},
                headers=instelling,
            )
        )

        seen = await ok(await client.get(f"/verwijzingen/{verwijzing_id}", headers=gemeente))
        other_gemeente = await client.get(
            f"/verwijzingen/{verwijzing_id}", headers=token(gemeentecodes=["GM0855"])
        )

    assert seen["status"] == "toegelaten"
    assert seen["inburgeraarId"] == result.inburgeraar_id
    assert seen["cohortId"] == cohort["id"]
    assert [s["status"] for s in seen["stappen"]] == [
        "aangemaakt",
        "dossier-compleet",
        "ingediend",
        "intake-gehouden",
        "toegelaten",
    ]
    checks = {c["item"]: c["uitkomst"] for c in seen["checklist"]}
    assert checks["studiefinanciering-leeftijd"] == "voldaan"
    assert other_gemeente.status_code == 404
