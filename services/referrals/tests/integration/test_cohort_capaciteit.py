"""Places per cohort are never exceeded, however many submissions race for them."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from sqlalchemy import func, select

from inburgering.referrals.adapters.tables import cohort, verwijzing

pytestmark = pytest.mark.integration

PLAATSEN, INDIENINGEN = 7, 24


async def test_concurrent_submissions_never_take_more_places_than_the_cohort_has(
    client, runtime, pad
):
    programmes = await client.get(
        "/opleidingen", params={"instellingId": str(pad.FONTYS)}, headers=pad.gemeente()
    )
    klein = await client.post(
        f"/opleidingen/{programmes.json()[0]['id']}/cohorten",
        json={
            "aanmelddeadline": "2027-06-15",
            "startdatum": "2027-09-01",
            "einddatum": "2029-02-28",
            "plaatsen": PLAATSEN,
        },
        headers=pad.instelling(pad.FONTYS),
    )
    cohort_id = klein.json()["id"]
    ready = [await pad.compleet() for _ in range(INDIENINGEN)]

    responses = await asyncio.gather(*(pad.dien_in(v, cohort_id) for v in ready))

    statuses = Counter(r.status_code for r in responses)
    assert statuses == {200: PLAATSEN, 409: INDIENINGEN - PLAATSEN}
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"cohort-vol"}
    async with runtime.engine.connect() as conn:
        taken = (
            await conn.execute(select(cohort.c.bezet).where(cohort.c.id == cohort_id))
        ).scalar_one()
        submitted = (
            await conn.execute(
                select(func.count()).where(
                    verwijzing.c.cohort_id == cohort_id, verwijzing.c.status == "ingediend"
                )
            )
        ).scalar_one()
    assert (taken, submitted) == (PLAATSEN, PLAATSEN)


async def test_the_same_referral_submitted_concurrently_takes_one_place(client, runtime, pad):
    verwijzing_id = await pad.compleet()

    responses = await asyncio.gather(*(pad.dien_in(verwijzing_id) for _ in range(5)))

    assert sorted(r.status_code for r in responses) == [200, 409, 409, 409, 409]
    async with runtime.engine.connect() as conn:
        taken = (
            await conn.execute(select(cohort.c.bezet).where(cohort.c.id == pad.FONTYS_COHORT))
        ).scalar_one()
    assert taken == 1
