"""Deductions from the Z-route norms through the API ([Bi] 3.14.6, 3.14.9–10), on PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from .test_voortgang_api import Z_ROUTE, traject_afgerond, vastgesteld

pytestmark = pytest.mark.integration


async def test_deducted_hours_lower_the_norms_and_can_complete_the_z_route_once(
    client, auth, handle, deliver, outbox
) -> None:
    persoon = await vastgesteld(client, auth, handle, **Z_ROUTE)
    pad = f"/inburgeraars/{persoon}"
    await deliver(traject_afgerond(persoon, uuid.uuid4(), 700))
    await client.put(f"{pad}/pvt", json={"uren": 12, "ondertekendOp": "2026-11-01"}, headers=auth())
    await client.put(
        f"{pad}/map",
        json={"status": "afgerond", "uren": 40, "eindgesprekOp": "2026-11-10"},
        headers=auth(),
    )
    eindgesprek = {"gehoudenOp": "2026-11-20"}
    await client.put(f"{pad}/z-route-eindgesprek", json=eindgesprek, headers=auth())
    await client.post(
        f"{pad}/participatie-activiteiten",
        json={"datum": "2026-11-15", "uren": 648, "omschrijving": "vrijwilligerswerk"},
        headers=auth(),
    )

    intake = await client.post(
        f"{pad}/urenaftrek",
        json={"norm": "z-route-cursusuren", "grond": "brede-intake", "uren": 100},
        headers=auth(),
    )
    assert intake.status_code == 201, intake.text
    assert intake.json()["cursusuren"] == {"geregistreerd": 700, "norm": 700, "aftrek": 100}
    assert intake.json()["ontbreekt"] == ["z-route-participatie-uren"]
    assert await outbox("route-afronding-bereikt") == []

    onderwijs = await client.post(
        f"{pad}/urenaftrek",
        json={"norm": "z-route-participatie-uren", "grond": "voorafgaand-onderwijs", "uren": 100},
        headers=auth(),
    )

    body = onderwijs.json()
    assert body["participatieUren"] == {"geregistreerd": 648, "norm": 648, "aftrek": 100}
    assert body["voorwaardenVervuld"] is True
    [cursus] = [v for v in body["voorwaarden"] if v["code"] == "z-route-cursusuren"]
    assert "na aftrek van 100 uur (art. 3.14 lid 6, 9 en 10 Bi2021)" in cursus["omschrijving"]
    [row] = await outbox("route-afronding-bereikt")
    assert (row["payload"]["cursusuren"], row["payload"]["participatieUren"]) == (700, 648)


async def test_a_deduction_is_validated_and_kept_to_the_gemeentes_own_people(
    client, auth, handle
) -> None:
    persoon = await vastgesteld(client, auth, handle, **Z_ROUTE)
    url = f"/inburgeraars/{persoon}/urenaftrek"

    ongeldig = await client.post(
        url, json={"norm": "pvt-uren", "grond": "beperking", "uren": 801}, headers=auth()
    )
    ander = await client.post(
        url,
        json={"norm": "z-route-cursusuren", "grond": "brede-intake", "uren": 10},
        headers=auth("GM0796"),
    )

    assert ongeldig.status_code == 400
    assert {p["name"] for p in ongeldig.json()["invalidParams"]} == {
        "body.norm",
        "body.grond",
        "body.uren",
    }
    assert (ander.status_code, ander.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    body = (await client.get(f"/inburgeraars/{persoon}/voortgang", headers=auth())).json()
    assert body["cursusuren"]["aftrek"] == 0
